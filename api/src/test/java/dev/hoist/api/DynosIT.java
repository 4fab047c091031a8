package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Dyno reports, routes, restarts and one-off dynos: the api's side of the dyno manager and router.
 */
class DynosIT extends ApiTest {
  private static Map<String, Object> dyno(
      String name, int version, String state, String address, boolean routable) {
    Map<String, Object> d = new HashMap<>();
    d.put("name", name);
    d.put("type", name.substring(0, name.indexOf('.')));
    d.put("state", state);
    d.put("command", "node server.js");
    d.put("size", "standard-1X");
    d.put("release_version", version);
    d.put("address", address);
    d.put("routable", routable);
    return d;
  }

  private JsonNode routeOf(String app) {
    JsonNode table = ok(component().get("/internal/routes"));
    for (JsonNode a : table.get("apps")) if (a.get("name").asText().equals(app)) return a;
    throw new AssertionError("no route for " + app + " in " + table);
  }

  @Test
  void aDeployShowsUsersTheNewestDynoOfEachNameButRoutesBoth() {
    Http user = newUser();
    String app = newApp(user, "preboot");
    deploy(user, app, Map.of("web", "node server.js"));
    ok(
        component()
            .put(
                "/internal/apps/" + app + "/dynos",
                List.of(
                    dyno("web.1", 2, "up", "172.17.0.5:5000", true),
                    dyno("web.1", 3, "starting", "172.17.0.6:5000", true))));

    JsonNode shown = ok(user.get("/apps/" + app + "/dynos"));
    assertThat(shown).hasSize(1);
    assertThat(shown.get(0).at("/release/version").asInt()).isEqualTo(3);
    assertThat(shown.get(0).get("state").asText()).isEqualTo("starting");
    JsonNode route = routeOf(app);
    assertThat(route.get("hosts").get(0).asText()).isEqualTo(app + ".localhost");
    assertThat(route.get("web_quantity").asInt()).isEqualTo(1);
    assertThat(values(route.get("dynos"), "address"))
        .containsExactlyInAnyOrder("172.17.0.5:5000", "172.17.0.6:5000");
  }

  @Test
  void theRoutesLongPollWakesWhenADynoComesUp() throws Exception {
    Http user = newUser();
    String app = newApp(user, "wake");
    long since = ok(component().get("/internal/routes")).get("revision").asLong();
    CompletableFuture<Http.Response> poll =
        CompletableFuture.supplyAsync(
            () -> component().get("/internal/routes?since=" + since + "&wait=30"));

    ok(
        component()
            .put(
                "/internal/apps/" + app + "/dynos",
                List.of(dyno("web.1", 1, "up", "10.0.0.1:5000", true))));

    JsonNode answer = ok(poll.get());
    assertThat(answer.get("revision").asLong()).isGreaterThan(since);
  }

  @Test
  void aReportThatChangesNothingRoutableLeavesTheRoutesRevisionAlone() {
    Http user = newUser();
    String app = newApp(user, "steady");
    List<Map<String, Object>> report = List.of(dyno("web.1", 1, "up", "10.0.0.2:5000", true));
    ok(component().put("/internal/apps/" + app + "/dynos", report));
    long before = ok(component().get("/internal/routes")).get("revision").asLong();

    ok(component().put("/internal/apps/" + app + "/dynos", report));

    assertThat(ok(component().get("/internal/routes")).get("revision").asLong()).isEqualTo(before);
  }

  @Test
  void restartsAreRecordedPerTargetInTheDesiredState() {
    Http user = newUser();
    String app = newApp(user, "restart");
    deploy(user, app, Map.of("web", "node server.js"));

    ok(user.delete("/apps/" + app + "/dynos/web"));
    ok(user.delete("/apps/" + app + "/dynos"));
    ok(user.post("/apps/" + app + "/dynos/web.1/actions/stop", Map.of()));

    JsonNode restarts = appState(app).get("restarts");
    assertThat(restarts.has("web")).isTrue();
    assertThat(restarts.has("*")).isTrue();
    assertThat(restarts.has("web.1")).isTrue();
    assertError(user.delete("/apps/" + app + "/dynos/web.1.2"), 422, "invalid_params");
  }

  @Test
  void aOneOffDynoIsDesiredUntilTheDynoManagerReportsItsExit() {
    Http user = newUser();
    String app = newApp(user, "oneoff");
    deploy(user, app, Map.of("web", "node server.js"));

    Http.Response run =
        user.post(
            "/apps/" + app + "/dynos",
            Map.of("command", "echo hi", "attach", true, "env", Map.of("X", "1")));

    assertThat(run.status()).as("%s", run).isEqualTo(201);
    String name = run.json().get("name").asText();
    assertThat(name).matches("run\\.\\d+");
    assertThat(run.json().get("attach_url").asText()).startsWith("tcp://").contains("/hoist_");
    JsonNode oneOff = appState(app).get("one_offs").get(0);
    assertThat(oneOff.get("command").asText()).isEqualTo("echo hi");
    assertThat(oneOff.at("/env/X").asText()).isEqualTo("1");
    assertThat(run.json().get("attach_url").asText()).endsWith(oneOff.get("attach_token").asText());

    ok(
        component()
            .post("/internal/apps/" + app + "/one-offs/" + name + "/exit", Map.of("status", 0)));
    assertThat(appState(app).get("one_offs")).isEmpty();
  }

  @Test
  void aOneOffNeedsACommandAndADeployedSlug() {
    Http user = newUser();
    String app = newApp(user, "nodeploy");
    assertError(
        user.post("/apps/" + app + "/dynos", Map.of("command", "ls")), 422, "invalid_params");
    deploy(user, app, Map.of("web", "x"));
    assertError(
        user.post("/apps/" + app + "/dynos", Map.of("command", " ")), 422, "invalid_params");
    assertError(
        user.post("/apps/" + app + "/dynos", Map.of("command", "ls", "time_to_live", 0)),
        422,
        "invalid_params");
    assertError(
        user.post("/apps/" + app + "/dynos", Map.of("command", "ls", "size", "huge")),
        422,
        "invalid_params");
    assertThat(appState(app).get("one_offs")).isEmpty();
  }

  @Test
  void anotherUsersAppsDynosAreNotFound() {
    String app = newApp(newUser(), "hidden");
    Http stranger = newUser();
    assertError(stranger.get("/apps/" + app + "/dynos"), 404, "not_found");
    assertError(stranger.delete("/apps/" + app + "/dynos"), 404, "not_found");
    assertError(
        stranger.post("/apps/" + app + "/dynos", Map.of("command", "ls")), 404, "not_found");
  }

  private JsonNode appState(String app) {
    for (JsonNode a : ok(component().get("/internal/state")).get("apps")) {
      if (a.get("name").asText().equals(app)) return a;
    }
    throw new AssertionError("no state for " + app);
  }
}
