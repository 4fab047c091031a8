package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import dev.hoist.api.support.Tarball;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The component API: {@code /internal/state} (with its long-poll) and dyno reports. */
class InternalIT extends ApiTest {
  @Test
  void refusesAnythingButTheComponentToken() {
    String app = newApp(newUser(), "guarded");

    assertError(newUser().get("/internal/state"), 401, "unauthorized");
    assertError(admin().get("/internal/state"), 401, "unauthorized");
    assertError(anonymous().get("/internal/state"), 401, "unauthorized");
    assertError(withKey("wrong-token").get("/internal/state"), 401, "unauthorized");
    assertError(admin().put("/internal/apps/" + app + "/dynos", List.of()), 401, "unauthorized");
  }

  @Test
  void describesEachAppsCurrentReleaseSlugAndFormation() {
    Http user = newUser();
    String app = newApp(user, "state");
    user.patch("/apps/" + app + "/config-vars", Map.of("DATABASE_URL", "postgres://db"));
    byte[] archive = Tarball.minimalApp();
    String slug = deploy(user, app, Map.of("web", "./server", "worker", "./work"), archive);

    JsonNode state = ok(component().get("/internal/state"));

    assertThat(state.get("revision").asLong()).isPositive();
    JsonNode mine = appIn(state, app);
    assertThat(mine.at("/release/version").asInt()).isEqualTo(3);
    assertThat(mine.at("/release/config/DATABASE_URL").asText()).isEqualTo("postgres://db");
    assertThat(mine.at("/release/slug/id").asText()).isEqualTo(slug);
    assertThat(mine.at("/release/slug/process_types/web").asText()).isEqualTo("./server");
    assertThat(Http.getBytes(mine.at("/release/slug/blob_url").asText()).body()).isEqualTo(archive);
    JsonNode web = mine.get("formation").get(0);
    assertThat(web.get("type").asText()).isEqualTo("web");
    assertThat(web.get("quantity").asInt()).isEqualTo(1);
    assertThat(web.get("size").asText()).isEqualTo("standard-1X");
    assertThat(web.get("memory_mb").asInt()).isEqualTo(512);
    assertThat(web.get("command").asText()).isEqualTo("./server");
    assertThat(mine.get("formation").get(1).get("quantity").asInt()).isZero();
  }

  @Test
  void aLongPollAnswersWithTheChangeMadeWhileItWaited() throws Exception {
    Http user = newUser();
    String app = newApp(user, "watched");
    long since = ok(component().get("/internal/state")).get("revision").asLong();

    CompletableFuture<Http.Response> poll =
        CompletableFuture.supplyAsync(
            () -> component().get("/internal/state?since=" + since + "&wait=20"));
    user.patch("/apps/" + app + "/config-vars", Map.of("WATCHED", "yes"));
    Http.Response answer = poll.get(45, TimeUnit.SECONDS);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("revision").asLong()).isGreaterThan(since);
    assertThat(appIn(answer.json(), app).at("/release/config/WATCHED").asText()).isEqualTo("yes");
  }

  @Test
  void refusesAWaitOutOfRange() {
    assertError(component().get("/internal/state?since=1&wait=61"), 400, "bad_request");
    assertError(component().get("/internal/state?since=1&wait=-1"), 400, "bad_request");
    assertError(component().get("/internal/state?since=soon"), 400, "bad_request");
  }

  @Test
  void dynoReportsReplaceWhatWasReportedBefore() {
    Http user = newUser();
    String app = newApp(user, "dynos");

    ok(
        component()
            .put(
                "/internal/apps/" + app + "/dynos",
                List.of(
                    dyno("web.1", "web", "up"),
                    dyno("web.2", "web", "starting"),
                    dyno("worker.1", "worker", "crashed"))));

    JsonNode listed = ok(user.get("/apps/" + app + "/dynos"));
    assertThat(values(listed, "name")).containsExactly("web.1", "web.2", "worker.1");
    assertThat(values(listed, "state")).containsExactly("up", "starting", "crashed");
    assertThat(listed.get(2).get("type").asText()).isEqualTo("worker");
    assertThat(listed.get(0).at("/release/version").asInt()).isEqualTo(1);

    ok(
        component()
            .put("/internal/apps/" + app + "/dynos", List.of(dyno("web.1", "web", "crashed"))));

    JsonNode after = ok(user.get("/apps/" + app + "/dynos"));
    assertThat(values(after, "name")).containsExactly("web.1");
    assertThat(after.get(0).get("state").asText()).isEqualTo("crashed");
    assertThat(after.get(0).get("id").asText()).isEqualTo(listed.get(0).get("id").asText());
  }

  @Test
  void refusesABadDynoReportWholeAndChangesNothing() {
    Http user = newUser();
    String app = newApp(user, "badreport");
    String path = "/internal/apps/" + app + "/dynos";
    ok(component().put(path, List.of(dyno("web.1", "web", "up"))));
    JsonNode before = ok(user.get("/apps/" + app + "/dynos"));

    assertError(
        component().put(path, List.of(dyno("web.2", "web", "up"), dyno("web", "web", "up"))),
        422,
        "invalid_params");
    assertError(
        component().put(path, List.of(dyno("web.1", "web", "exploded"))), 422, "invalid_params");
    assertError(
        component().put(path, List.of(dyno("web.1", "web", "up"), dyno("web.1", "web", "crashed"))),
        422,
        "invalid_params");
    assertError(
        component().put(path, List.of(dyno("web.1", "web server", "up"))), 422, "invalid_params");
    assertError(
        component().put(path, List.of(Map.of("name", "web.1", "type", "web", "state", "up"))),
        422,
        "invalid_params");
    assertError(component().put(path, "{\"name\": \"web.1\"}"), 400, "bad_request");
    assertThat(ok(user.get("/apps/" + app + "/dynos"))).isEqualTo(before);
  }

  @Test
  void aReportForAnUnknownAppIsNotFound() {
    assertError(
        component()
            .put(
                "/internal/apps/" + appName("nowhere") + "/dynos",
                List.of(dyno("web.1", "web", "up"))),
        404,
        "not_found");
  }

  private static Map<String, Object> dyno(String name, String type, String state) {
    return Map.of(
        "name",
        name,
        "type",
        type,
        "state",
        state,
        "command",
        "./server",
        "size",
        "standard-1X",
        "release_version",
        1,
        "container_id",
        "c-" + name,
        "address",
        "10.0.0.2:5000");
  }

  private static JsonNode appIn(JsonNode state, String name) {
    for (JsonNode app : state.get("apps")) {
      if (app.get("name").asText().equals(name)) return app;
    }
    throw new AssertionError("the state does not list " + name);
  }
}
