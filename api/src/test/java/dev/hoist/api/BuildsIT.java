package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import dev.hoist.api.support.Tarball;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The build queue from both sides: a build is queued, claimed, streamed, handed a slug and
 * released.
 */
class BuildsIT extends ApiTest {
  @Test
  void aClaimedBuildStreamsItsOutputAndItsSlugBecomesARelease() throws Exception {
    Http user = newUser();
    String app = newApp(user, "build");
    ok(user.patch("/apps/" + app + "/config-vars", Map.of("SECRET", "s1")));
    String id = newBuild(user, app);
    String outputUrl =
        ok(user.get("/apps/" + app + "/builds/" + id)).get("output_stream_url").asText();
    CompletableFuture<byte[]> follower =
        CompletableFuture.supplyAsync(() -> Http.getBytes(outputUrl).body());

    JsonNode job = claimFor(id);
    assertThat(job.at("/app/name").asText()).isEqualTo(app);
    assertThat(job.at("/env/SECRET").asText()).isEqualTo("s1");
    assertThat(job.get("cache_put_url").asText()).contains("/blobs/caches/");
    assertThat(ok(user.get("/apps/" + app + "/builds/" + id)).get("status").asText())
        .isEqualTo("building");
    ok(
        component()
            .with("Content-Type", "text/plain")
            .post(
                "/internal/builds/" + id + "/output",
                "-----> Node.js app detected\n       installing\n"));
    Http.Response slug =
        component()
            .post(
                "/internal/builds/" + id + "/slug",
                Map.of("process_types", Map.of("web", "node server.js")));
    assertThat(slug.status()).as("%s", slug).isEqualTo(201);
    assertThat(Http.putBytes(slug.json().get("put_url").asText(), Tarball.minimalApp()).status())
        .isEqualTo(200);
    JsonNode finished =
        ok(
            component()
                .post(
                    "/internal/builds/" + id + "/finish",
                    Map.of("status", "succeeded", "slug", slug.json().get("id").asText())));

    assertThat(finished.get("status").asText()).isEqualTo("succeeded");
    String text = new String(follower.get(), StandardCharsets.UTF_8);
    assertThat(text).contains("-----> Node.js app detected\n       installing\n");
    JsonNode build = ok(user.get("/apps/" + app + "/builds/" + id));
    assertThat(build.at("/release/version").asInt()).isEqualTo(3);
    JsonNode release = ok(user.get("/apps/" + app + "/releases/3"));
    assertThat(release.get("description").asText()).isEqualTo("Deploy abc1234");
    assertThat(values(formation(user, app), "type")).contains("web");
    String stored =
        new String(
            Http.getBytes(build.get("output_stream_url").asText()).body(), StandardCharsets.UTF_8);
    assertThat(stored)
        .as("the stored log, read after the build")
        .contains("-----> Node.js app detected");
  }

  @Test
  void aClaimWhoseBuilderNeverStartsGoesBackToTheQueue() throws Exception {
    Http user = newUser();
    String app = newApp(user, "stranded");
    String id = newBuild(user, app);
    claimFor(id); // and then say nothing, as a builder whose claim answer was lost

    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    String status = "building";
    while (status.equals("building") && System.nanoTime() < deadline) {
      Thread.sleep(500); // polling a condition under a deadline
      status = ok(user.get("/apps/" + app + "/builds/" + id)).get("status").asText();
    }
    assertThat(status).isEqualTo("pending");
    JsonNode again = claimFor(id);
    assertThat(again.get("id").asText()).isEqualTo(id);
    finishFailed(id);
  }

  @Test
  void aFailedBuildMakesNoRelease() {
    Http user = newUser();
    String app = newApp(user, "failing");
    String id = newBuild(user, app);
    claimFor(id);
    ok(
        component()
            .post(
                "/internal/builds/" + id + "/finish",
                Map.of("status", "failed", "message", "npm failed")));

    JsonNode build = ok(user.get("/apps/" + app + "/builds/" + id));
    assertThat(build.get("status").asText()).isEqualTo("failed");
    assertThat(releases(user, app)).hasSize(1);
    assertError(
        component().post("/internal/builds/" + id + "/finish", Map.of("status", "failed")),
        409,
        "conflict");
  }

  @Test
  void badBuildRequestsAreRefused() {
    Http user = newUser();
    String app = newApp(user, "badbuild");
    assertError(user.post("/apps/" + app + "/builds", Map.of()), 422, "invalid_params");
    assertError(
        user.post(
            "/apps/" + app + "/builds", Map.of("source_blob", Map.of("url", "file:///etc/passwd"))),
        422,
        "invalid_params");
    assertError(
        user.post(
            "/apps/" + app + "/builds",
            Map.of(
                "source_blob",
                Map.of("url", "http://x/s.tgz"),
                "buildpacks",
                List.of(Map.of("url", "not a url")))),
        422,
        "invalid_params");
    assertThat(ok(user.get("/apps/" + app + "/builds"))).isEmpty();
    assertError(newUser().get("/apps/" + app + "/builds"), 404, "not_found");
  }

  @Test
  void buildpackInstallationsAreSetInOrderAndCleared() {
    Http user = newUser();
    String app = newApp(user, "packs");
    JsonNode set =
        ok(
            user.put(
                "/apps/" + app + "/buildpack-installations",
                Map.of(
                    "updates",
                    List.of(
                        Map.of("buildpack", "https://example.com/a.tgz"),
                        Map.of("buildpack", "https://example.com/b.git#v1")))));
    assertThat(set.get(1).get("ordinal").asInt()).isEqualTo(1);
    assertThat(set.get(1).at("/buildpack/url").asText()).isEqualTo("https://example.com/b.git#v1");
    assertThat(
            ok(user.put("/apps/" + app + "/buildpack-installations", Map.of("updates", List.of()))))
        .isEmpty();
  }

  @Test
  void theGatewayFindsAKeysAccountAndChecksAccess() {
    Http owner = newUser();
    String app = newApp(owner, "gate");
    String key = dev.hoist.api.support.SshKeys.ed25519("gate");
    assertThat(owner.post("/account/keys", Map.of("public_key", key)).status()).isEqualTo(201);
    String fingerprint = ok(owner.get("/account/keys")).get(0).get("fingerprint").asText();

    JsonNode who =
        ok(
            component()
                .get(
                    "/internal/keys?fingerprint="
                        + java.net.URLEncoder.encode(fingerprint, StandardCharsets.UTF_8)));
    String accountId = who.at("/account/id").asText();
    assertThat(
            ok(component().get("/internal/apps/" + app + "/access/" + accountId))
                .at("/app/name")
                .asText())
        .isEqualTo(app);
    String strangerId = ok(newUser().get("/account")).get("id").asText();
    assertError(
        component().get("/internal/apps/" + app + "/access/" + strangerId), 404, "not_found");
    assertError(component().get("/internal/keys?fingerprint=SHA256:nope"), 404, "not_found");
    assertError(
        component().post("/internal/auth", Map.of("api_key", "hoist_wrong")), 401, "unauthorized");
  }
}
