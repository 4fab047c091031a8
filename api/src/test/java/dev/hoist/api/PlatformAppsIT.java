package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import dev.hoist.api.support.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Platform apps: how the seed makes them ({@code PUT /internal/platform-apps/{name}}), what the
 * desired state says of them, and what they are spared: changes by the admin only, no running
 * process type scaled below 1, never destroyed nor renamed; and no public way to make an app one.
 */
class PlatformAppsIT extends ApiTest {
  /**
   * Calls under {@code /apps/{app}} that change nothing though they are not GETs: a collaborator of
   * a platform app may make them. Every other non-GET call must refuse a collaborator.
   */
  private static final List<String> READS = List.of("POST /apps/{app}/log-sessions");

  /** Calls that read but are the admin's alone on a platform app (its config holds secrets). */
  private static final List<String> ADMIN_READS =
      List.of("GET /apps/{app}/config-vars", "GET /apps/{app}/releases/{release}/config-vars");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private Seed seed() {
    return new Seed(component());
  }

  private static Map<String, Object> routerOptions() {
    return Map.of(
        "host_network",
        true,
        "port",
        8080,
        "mounts",
        List.of(
            Map.of("source", "/var/lib/hoist/routes", "target", "/routes", "read_only", false)));
  }

  /** A platform app with a slug of web (scaled to 1) and worker (0); answers its name. */
  private String deployedPlatformApp(String prefix) {
    String name = appName("hoist-" + prefix);
    seed()
        .ensure(
            name,
            Map.of("stack_image", "hoist/stack-run:current", "config", Map.of("PART", prefix)));
    seed().deploy(name, Map.of("web", "./server", "worker", "./work"), "c0ffee1", "web", 1);
    return name;
  }

  private JsonNode stateOf(String app) {
    for (JsonNode a : ok(component().get("/internal/state")).get("apps")) {
      if (a.get("name").asText().equals(app)) return a;
    }
    throw new AssertionError("the state does not list " + app);
  }

  private long revision() {
    return ok(component().get("/internal/state")).get("revision").asLong();
  }

  private Http collaboratorOf(String app) {
    Http collaborator = newUser();
    Http.Response added =
        admin().post("/apps/" + app + "/collaborators", Map.of("user", email(collaborator)));
    assertThat(added.status()).as("%s", added).isEqualTo(201);
    return collaborator;
  }

  private static void assertPlatformRefusal(Http.Response response, String message) {
    assertError(response, 422, "platform_app");
    assertThat(response.message()).isEqualTo(message);
  }

  @Test
  void theSeedMarksAnAppPlatformAndTheStateCarriesItsDynoOptions() {
    String name = appName("hoist-opt");
    long before = revision();

    JsonNode made =
        seed()
            .ensure(
                name,
                Map.of("stack_image", "hoist/stack-run:current", "dyno_options", routerOptions()));

    assertThat(made.get("name").asText()).isEqualTo(name);
    assertThat(made.get("deployed").asBoolean()).isFalse();
    assertThat(made.get("commit").asText()).isEmpty();
    TreeSet<String> fields = new TreeSet<>();
    made.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .as("the answer keeps its shape")
        .containsExactly("commit", "deployed", "name");
    JsonNode state = stateOf(name);
    assertThat(state.get("platform").asBoolean()).isTrue();
    assertThat(state.at("/dyno_options/host_network").asBoolean()).isTrue();
    assertThat(state.at("/dyno_options/port").asInt()).isEqualTo(8080);
    assertThat(state.at("/dyno_options/mounts/0/source").asText())
        .isEqualTo("/var/lib/hoist/routes");
    assertThat(state.at("/dyno_options/mounts/0/target").asText()).isEqualTo("/routes");
    assertThat(state.at("/dyno_options/mounts/0/read_only").isBoolean()).isTrue();
    assertThat(revision()).isGreaterThan(before);

    long withOptions = revision();
    seed().ensure(name, Map.of("stack_image", "hoist/stack-run:current"));

    assertThat(stateOf(name).get("dyno_options").isNull())
        .as("an ensure without options leaves none")
        .isTrue();
    assertThat(stateOf(name).get("platform").asBoolean()).isTrue();
    assertThat(revision()).as("the dyno manager hears of it").isGreaterThan(withOptions);
  }

  @Test
  void anOrdinaryAppIsNotPlatformAndHasNoDynoOptions() {
    String app = newApp(newUser(), "ordinary");

    JsonNode state = stateOf(app);

    assertThat(state.get("platform").isBoolean()).isTrue();
    assertThat(state.get("platform").asBoolean()).isFalse();
    assertThat(state.has("dyno_options")).isTrue();
    assertThat(state.get("dyno_options").isNull()).isTrue();
  }

  @Test
  void refusesAPlatformAppNameWithoutTheHoistPrefixAndCreatesNothing() {
    String name = appName("plain");

    Http.Response refused =
        component().put("/internal/platform-apps/" + name, Map.of("stack_image", "x"));

    assertError(refused, 422, "invalid_params");
    assertThat(refused.message()).contains("hoist-").contains(name);
    assertError(admin().get("/apps/" + name), 404, "not_found");
  }

  @Test
  void refusesBadDynoOptionsWithAClearMessageAndChangesNothing() {
    String fresh = appName("hoist-bad");
    List<Map<String, Object>> bad =
        List.of(
            Map.of("host_network", true, "port", 0),
            Map.of("host_network", true, "port", 65536),
            Map.of("port", 8080),
            Map.of("mounts", List.of(Map.of("source", "relative", "target", "/t"))),
            Map.of("mounts", List.of(Map.of("source", "/s", "target", "/t/../../etc"))),
            Map.of(
                "mounts",
                IntStream.range(0, 9)
                    .mapToObj(i -> Map.of("source", "/s" + i, "target", "/t" + i))
                    .toList()));
    for (Map<String, Object> options : bad) {
      Http.Response refused =
          component()
              .put(
                  "/internal/platform-apps/" + fresh,
                  Map.of("stack_image", "x", "dyno_options", options));
      assertError(refused, 422, "invalid_params");
      assertThat(refused.message()).as("%s", options).startsWith("dyno_options.");
    }
    assertError(
        component()
            .put(
                "/internal/platform-apps/" + fresh,
                Map.of("dyno_options", Map.of("host_network", true, "port", "8080"))),
        400,
        "bad_request");
    assertError(
        component()
            .put(
                "/internal/platform-apps/" + fresh,
                Map.of("dyno_options", Map.of("host_network", true, "privileged", true))),
        400,
        "bad_request");
    assertError(admin().get("/apps/" + fresh), 404, "not_found");

    String existing = appName("hoist-kept");
    seed().ensure(existing, Map.of("stack_image", "before", "dyno_options", routerOptions()));
    JsonNode before = stateOf(existing);
    assertError(
        component()
            .put(
                "/internal/platform-apps/" + existing,
                Map.of(
                    "stack_image",
                    "after",
                    "config",
                    Map.of("NEW", "1"),
                    "dyno_options",
                    Map.of("host_network", false, "port", 8080))),
        422,
        "invalid_params");
    assertThat(stateOf(existing)).isEqualTo(before);
  }

  @Test
  void noPublicCallMakesAnAppPlatformOrGivesItDynoOptions() {
    Http user = newUser();
    String wanted = appName("sneaky");
    assertError(user.post("/apps", Map.of("name", wanted, "platform", true)), 400, "bad_request");
    assertError(
        user.post("/apps", Map.of("name", wanted, "dyno_options", Map.of("host_network", true))),
        400,
        "bad_request");
    assertError(user.get("/apps/" + wanted), 404, "not_found");

    String app = newApp(user, "sneaky");
    assertError(user.patch("/apps/" + app, Map.of("platform", true)), 400, "bad_request");
    assertError(
        user.patch(
            "/apps/" + app,
            Map.of("maintenance", false, "dyno_options", Map.of("host_network", true))),
        400,
        "bad_request");
    for (Http key : List.of(user, admin())) {
      assertError(
          key.put(
              "/internal/platform-apps/" + app,
              Map.of("stack_image", "x", "dyno_options", routerOptions())),
          401,
          "unauthorized");
    }

    // A user's app named like a part is an ordinary app, and the seed does not adopt it.
    String lookalike = newApp(user, "hoist-look");
    assertError(
        component()
            .put(
                "/internal/platform-apps/" + lookalike,
                Map.of("stack_image", "x", "dyno_options", routerOptions())),
        409,
        "conflict");

    for (String name : List.of(app, lookalike)) {
      JsonNode state = stateOf(name);
      assertThat(state.get("platform").asBoolean()).as(name).isFalse();
      assertThat(state.get("dyno_options").isNull()).as(name).isTrue();
    }
  }

  @Test
  void aCollaboratorMayLookAtAPlatformAppButChangeNothing() {
    String app = deployedPlatformApp("look");
    Http collaborator = collaboratorOf(app);
    String third = email(newUser());
    JsonNode before = everything(app);

    List<String> refused = new ArrayList<>();
    for (String call : calls()) {
      String method = call.substring(0, call.indexOf(' '));
      String pattern = call.substring(call.indexOf(' ') + 1);
      if (method.equals("GET") && !ADMIN_READS.contains(call) || READS.contains(call)) continue;
      Http.Response answer =
          collaborator.send(method, path(pattern, app, email(collaborator)), body(call, third));
      assertError(answer, 403, "forbidden");
      assertThat(answer.message())
          .as(call)
          .isEqualTo(app + " is part of the platform: only the admin may change it");
      refused.add(call);
    }

    assertThat(refused)
        .as("the enumeration found the calls")
        .contains(
            "PATCH /apps/{app}",
            "DELETE /apps/{app}",
            "PATCH /apps/{app}/config-vars",
            "GET /apps/{app}/config-vars",
            "PATCH /apps/{app}/formation",
            "PATCH /apps/{app}/formation/{type}",
            "POST /apps/{app}/releases",
            "POST /apps/{app}/slugs",
            "POST /apps/{app}/builds",
            "DELETE /apps/{app}/dynos",
            "DELETE /apps/{app}/dynos/{target}",
            "POST /apps/{app}/dynos",
            "POST /apps/{app}/collaborators",
            "POST /apps/{app}/domains",
            "DELETE /apps/{app}/domains/{domain}");
    assertThat(everything(app)).as("nothing changed").isEqualTo(before);
    ok(collaborator.get("/apps/" + app));
    ok(collaborator.get("/apps/" + app + "/releases"));
    ok(collaborator.get("/apps/" + app + "/formation"));
    ok(collaborator.get("/apps/" + app + "/dynos"));
  }

  @Test
  void theAdminRunsAPlatformAppLikeAnyApp() {
    String app = deployedPlatformApp("run");
    Http admin = admin();

    assertThat(ok(admin.patch("/apps/" + app + "/config-vars", Map.of("LEVEL", "debug"))))
        .isNotEmpty();
    ok(
        admin.patch(
            "/apps/" + app + "/formation",
            Map.of(
                "updates", List.of(Map.of("type", "web", "quantity", 2, "size", "standard-2X")))));
    assertThat(ok(admin.delete("/apps/" + app + "/dynos"))).isEmpty();
    assertThat(admin.post("/apps/" + app + "/releases", Map.of("release", 3)).status())
        .isEqualTo(201);
    assertThat(
            ok(admin.patch("/apps/" + app, Map.of("maintenance", true)))
                .get("maintenance")
                .asBoolean())
        .isTrue();
    ok(admin.patch("/apps/" + app, Map.of("maintenance", false)));
    String domain = "api." + unique() + ".example.com";
    assertThat(admin.post("/apps/" + app + "/domains", Map.of("hostname", domain)).status())
        .isEqualTo(201);
    assertThat(ok(admin.delete("/apps/" + app + "/domains/" + domain)).get("hostname").asText())
        .isEqualTo(domain);
    collaboratorOf(app);
    deploy(admin, app, Map.of("web", "./server"));

    JsonNode web = formation(admin, app).get(0);
    assertThat(web.get("quantity").asInt()).isEqualTo(2);
    assertThat(web.get("size").asText()).isEqualTo("standard-2X");
    assertThat(stateOf(app).at("/restarts/*").asLong()).isPositive();
    assertThat(
            releases(admin, app).get(releases(admin, app).size() - 2).get("description").asText())
        .isEqualTo("Rollback to v3");
  }

  @Test
  void aRunningProcessTypeOfAPlatformAppIsNeverScaledBelowOne() {
    String app = deployedPlatformApp("floor");
    String message = app + " is part of the platform: its web dynos cannot be scaled below 1";
    JsonNode before = formation(admin(), app);

    assertPlatformRefusal(
        admin().patch("/apps/" + app + "/formation/web", Map.of("quantity", 0)), message);
    assertPlatformRefusal(
        admin().patch("/apps/" + app + "/formation/web", Map.of("quantity", "-1")), message);
    assertPlatformRefusal(
        admin()
            .patch(
                "/apps/" + app + "/formation",
                Map.of(
                    "updates",
                    List.of(
                        Map.of("type", "worker", "quantity", 2),
                        Map.of("type", "web", "quantity", 0)))),
        message);

    assertThat(formation(admin(), app)).isEqualTo(before);
    // A type that runs nothing may stay at nothing; sizes change freely.
    ok(admin().patch("/apps/" + app + "/formation/worker", Map.of("quantity", 0)));
    ok(admin().patch("/apps/" + app + "/formation/web", Map.of("size", "standard-2X")));
    ok(admin().patch("/apps/" + app + "/formation/web", Map.of("quantity", "+1")));
    ok(admin().patch("/apps/" + app + "/formation/web", Map.of("quantity", "-1")));
    assertThat(formation(admin(), app).get(0).get("quantity").asInt()).isEqualTo(1);
  }

  @Test
  void aPlatformAppIsNeverDestroyedNorRenamed() {
    String app = deployedPlatformApp("keep");

    assertPlatformRefusal(
        admin().delete("/apps/" + app), app + " is part of the platform and cannot be destroyed");
    Http.Response rename =
        admin().patch("/apps/" + app, Map.of("name", appName("other"), "maintenance", true));
    assertError(rename, 422, "platform_app");
    assertThat(rename.message()).startsWith(app + " is part of the platform and cannot be renamed");

    JsonNode info = ok(admin().get("/apps/" + app));
    assertThat(info.get("name").asText()).isEqualTo(app);
    assertThat(info.get("maintenance").asBoolean())
        .as("the refused PATCH changed nothing")
        .isFalse();
    assertThat(stateOf(app).get("platform").asBoolean()).isTrue();
  }

  @Test
  void theGatewayLetsOnlyTheAdminPushToAPlatformApp() {
    String app = deployedPlatformApp("push");
    Http collaborator = collaboratorOf(app);
    String adminId = ok(admin().get("/account")).get("id").asText();
    String collaboratorId = ok(collaborator.get("/account")).get("id").asText();
    String strangerId = ok(newUser().get("/account")).get("id").asText();

    assertThat(
            ok(component().get("/internal/apps/" + app + "/access/" + adminId))
                .at("/app/name")
                .asText())
        .isEqualTo(app);
    Http.Response refused = component().get("/internal/apps/" + app + "/access/" + collaboratorId);
    assertError(refused, 403, "forbidden");
    assertThat(refused.message()).contains(app).contains("only the admin");
    assertError(
        component().get("/internal/apps/" + app + "/access/" + strangerId), 404, "not_found");
  }

  /** What a refused call could have changed, as the admin and the dyno manager see it. */
  private JsonNode everything(String app) {
    Http admin = admin();
    var all = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    JsonNode info = ok(admin.get("/apps/" + app));
    all.set("name", info.get("name"));
    all.set("maintenance", info.get("maintenance"));
    all.set("config", config(admin, app));
    all.set("releases", releases(admin, app));
    all.set("formation", formation(admin, app));
    all.set("collaborators", ok(admin.get("/apps/" + app + "/collaborators")));
    all.set("builds", ok(admin.get("/apps/" + app + "/builds")));
    all.set("buildpacks", ok(admin.get("/apps/" + app + "/buildpack-installations")));
    all.set("domains", ok(admin.get("/apps/" + app + "/domains")));
    JsonNode state = stateOf(app);
    all.set("restarts", state.get("restarts"));
    all.set("one_offs", state.get("one_offs"));
    return all;
  }

  /** Every call the api serves under {@code /apps/{app}}, as {@code METHOD pattern}. */
  private List<String> calls() {
    TreeSet<String> calls = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (!pattern.equals("/apps/{app}") && !pattern.startsWith("/apps/{app}/")) continue;
        for (RequestMethod method : info.getMethodsCondition().getMethods()) {
          calls.add(method.name() + " " + pattern);
        }
      }
    }
    return List.copyOf(calls);
  }

  private static String path(String pattern, String app, String user) {
    Matcher m = Pattern.compile("\\{(\\w+)}").matcher(pattern);
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String value =
          switch (m.group(1)) {
            case "app" -> app;
            case "user" -> user;
            case "dyno" -> "web.1";
            case "release" -> "1";
            default -> "web";
          };
      m.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    return m.appendTail(path).toString();
  }

  /** A body the call would accept from someone allowed to make it. */
  private static Object body(String call, String third) {
    if (call.startsWith("GET ") || call.startsWith("DELETE ")) return null;
    return switch (call) {
      case "PATCH /apps/{app}" -> Map.of("maintenance", true);
      case "PATCH /apps/{app}/config-vars" -> Map.of("X", "1");
      case "PATCH /apps/{app}/formation" ->
          Map.of("updates", List.of(Map.of("type", "web", "quantity", 2)));
      case "PATCH /apps/{app}/formation/{type}" -> Map.of("quantity", 2);
      case "POST /apps/{app}/releases" -> Map.of("release", 1);
      case "POST /apps/{app}/slugs" -> Map.of("process_types", Map.of("web", "./server"));
      case "POST /apps/{app}/builds" ->
          Map.of("source_blob", Map.of("url", "http://127.0.0.1:1/source.tgz"));
      case "POST /apps/{app}/dynos" -> Map.of("command", "bash");
      case "POST /apps/{app}/collaborators" -> Map.of("user", third);
      case "POST /apps/{app}/domains" -> Map.of("hostname", "www.example.com");
      case "PUT /apps/{app}/buildpack-installations" ->
          Map.of("updates", List.of(Map.of("buildpack", "https://example.com/bp.tgz")));
      default -> Map.of();
    };
  }
}
