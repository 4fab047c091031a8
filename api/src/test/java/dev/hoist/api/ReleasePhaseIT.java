package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A slug with a `release` process waits for its release phase before it becomes the current
 * release.
 */
class ReleasePhaseIT extends ApiTest {
  private static final Map<String, String> TYPES =
      Map.of("web", "node server.js", "release", "./migrate.sh");

  private JsonNode appState(String app) {
    for (JsonNode a : ok(component().get("/internal/state")).get("apps")) {
      if (a.get("name").asText().equals(app)) return a;
    }
    throw new AssertionError("no state for " + app);
  }

  @Test
  void aReleaseGoesLiveOnlyWhenItsReleasePhaseSucceeds() {
    Http user = newUser();
    String app = newApp(user, "phase");
    deploy(user, app, Map.of("web", "node server.js"));
    deploy(user, app, TYPES);

    JsonNode state = appState(app);
    assertThat(state.at("/release/version").asInt()).as("v2 still serves").isEqualTo(2);
    JsonNode phase = state.get("one_offs").get(0);
    assertThat(phase.get("name").asText()).isEqualTo("release.3");
    assertThat(phase.get("command").asText()).isEqualTo("./migrate.sh");
    assertThat(phase.at("/release/version").asInt()).isEqualTo(3);
    assertThat(ok(user.get("/apps/" + app + "/releases/3")).get("status").asText())
        .isEqualTo("pending");
    assertThat(values(formation(user, app), "type")).doesNotContain("release");

    ok(component().post("/internal/apps/" + app + "/one-offs/release.3/exit", Map.of("status", 0)));

    assertThat(appState(app).at("/release/version").asInt()).isEqualTo(3);
    assertThat(ok(user.get("/apps/" + app + "/releases/3")).get("status").asText())
        .isEqualTo("succeeded");
  }

  @Test
  void aFailedReleasePhaseLeavesTheRunningReleaseInPlace() {
    Http user = newUser();
    String app = newApp(user, "phasefail");
    deploy(user, app, Map.of("web", "node server.js"));
    deploy(user, app, TYPES);

    ok(component().post("/internal/apps/" + app + "/one-offs/release.3/exit", Map.of("status", 1)));

    assertThat(appState(app).at("/release/version").asInt()).isEqualTo(2);
    assertThat(appState(app).get("one_offs")).isEmpty();
    JsonNode v3 = ok(user.get("/apps/" + app + "/releases/3"));
    assertThat(v3.get("status").asText()).isEqualTo("failed");
    assertThat(v3.get("current").asBoolean()).isFalse();
    String session =
        user.post("/apps/" + app + "/log-sessions", Map.of()).json().get("logplex_url").asText();
    assertThat(new String(Http.getBytes(session).body()))
        .contains("release phase failed with status 1");
  }

  @Test
  void aBuildWaitsForItsReleasePhaseAndShowsItsOutput() {
    Http user = newUser();
    String app = newApp(user, "phasebuild");
    String id =
        user.post(
                "/apps/" + app + "/builds", Map.of("source_blob", Map.of("url", "http://x/s.tgz")))
            .json()
            .get("id")
            .asText();
    JsonNode job = null;
    for (int i = 0; i < 50 && job == null; i++) {
      Http.Response r = component().post("/internal/builds/claim?wait=5", Map.of());
      if (r.status() == 200 && r.json().get("id").asText().equals(id)) job = r.json();
      else if (r.status() == 200) {
        component()
            .post(
                "/internal/builds/" + r.json().get("id").asText() + "/finish",
                Map.of("status", "failed"));
      }
    }
    assertThat(job).isNotNull();
    Http.Response slug =
        component().post("/internal/builds/" + id + "/slug", Map.of("process_types", TYPES));
    Http.putBytes(slug.json().get("put_url").asText(), dev.hoist.api.support.Tarball.minimalApp());
    ok(
        component()
            .post(
                "/internal/builds/" + id + "/finish",
                Map.of("status", "succeeded", "slug", slug.json().get("id").asText())));
    assertThat(ok(user.get("/apps/" + app + "/builds/" + id)).get("status").asText())
        .isEqualTo("building");

    ok(
        component()
            .post(
                "/internal/logs",
                List.of(
                    Map.of(
                        "app",
                        app,
                        "source",
                        "app",
                        "dyno",
                        "release.2",
                        "message",
                        "migrated 3 tables"))));
    ok(component().post("/internal/apps/" + app + "/one-offs/release.2/exit", Map.of("status", 0)));

    JsonNode build = ok(user.get("/apps/" + app + "/builds/" + id));
    assertThat(build.get("status").asText()).isEqualTo("succeeded");
    String output = new String(Http.getBytes(build.get("output_stream_url").asText()).body());
    assertThat(output)
        .contains("Running release command", "migrated 3 tables", "Release phase succeeded");
  }
}
