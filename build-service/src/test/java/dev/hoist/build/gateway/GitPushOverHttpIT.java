package dev.hoist.build.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.build.testing.FakeBuilds;
import dev.hoist.build.testing.FakeBuilds.Result;
import dev.hoist.build.testing.GatewayFixture;
import dev.hoist.build.testing.Processes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real {@code git push} over smart HTTP, the API key as the password. */
class GitPushOverHttpIT {
  private static final String KEY = "api-key-of-alice";

  @TempDir static Path tmp;
  static GatewayFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = new GatewayFixture(tmp);
    String alice = f.api.account("alice", null, KEY);
    f.api.app("http-app", alice);
    f.api.app("http-failing-app", alice);
    f.api.app("http-clone-app", alice);
    f.api.app("not-alices-app", f.api.account("bob", null, "api-key-of-bob"));
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @Test
  void pushesWithTheApiKeyAsPasswordAndStreamsTheBuild() throws Exception {
    Path src = f.repo("http", Map.of("Procfile", "web: ./run\n"));
    CountDownLatch seen = new CountDownLatch(1);
    f.api.builds.script =
        out -> {
          out.line("-----> Building on the test stack");
          // Go on only once the pusher saw that line: the side band is flushed through HTTP chunk
          // by chunk.
          return seen.await(30, TimeUnit.SECONDS) ? Result.succeeded(2) : Result.failed();
        };
    try {
      Processes.Result push =
          f.git(
              src,
              null,
              line -> {
                if (line.contains("remote: -----> Building on the test stack")) seen.countDown();
              },
              "push",
              f.httpUrl("alice", KEY, "http-app"),
              "HEAD:main");

      assertThat(push.exit()).as(push.output()).isZero();
      assertThat(push.lines())
          .containsSubsequence(
              "remote: -----> Building on the test stack",
              "remote: -----> Released v2",
              "remote:        http://http-app.localhost:8080/ deployed to Hoist");
    } finally {
      f.api.builds.script = FakeBuilds.SUCCEEDS;
    }
  }

  @Test
  void refusesTheRefWhenTheBuildFails() throws Exception {
    Path src = f.repo("http-failing", Map.of("a", "1"));
    f.api.builds.script =
        out -> {
          out.line(" !     Build failed: no buildpack detected for this app");
          return Result.failed();
        };
    try {
      Processes.Result push =
          f.git(src, null, "push", f.httpUrl("alice", KEY, "http-failing-app"), "HEAD:main");

      assertThat(push.exit()).isNotZero();
      assertThat(push.output())
          .contains("remote:  !     Build failed: no buildpack detected for this app")
          .contains("[remote rejected] HEAD -> main (build failed)");
    } finally {
      f.api.builds.script = FakeBuilds.SUCCEEDS;
    }
  }

  @Test
  void refusesABadApiKey() throws Exception {
    Path src = f.repo("http-bad-key", Map.of("a", "1"));

    Processes.Result push =
        f.git(src, null, "push", f.httpUrl("alice", "not-a-key", "http-app"), "HEAD:main");

    assertThat(push.exit()).isNotZero();
    assertThat(push.output()).contains("Authentication failed");
    HttpResponse<String> raw =
        get("/http-app.git/info/refs?service=git-receive-pack", "alice:not-a-key");
    assertThat(raw.statusCode()).isEqualTo(401);
    assertThat(raw.body()).contains("denied");
    assertThat(raw.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Hoist\"");
  }

  @Test
  void asksForCredentialsWhenNoneAreSent() throws Exception {
    HttpResponse<String> raw = get("/http-app.git/info/refs?service=git-receive-pack", null);

    assertThat(raw.statusCode()).isEqualTo(401);
  }

  @Test
  void answersAnotherUsersAppAsNotFound() throws Exception {
    HttpResponse<String> raw =
        get("/not-alices-app.git/info/refs?service=git-receive-pack", "alice:" + KEY);

    assertThat(raw.statusCode()).isEqualTo(404);
    assertThat(raw.body())
        .contains("fatal: app 'not-alices-app' does not exist or you do not have access");
  }

  @Test
  void refusesTheDumbProtocolAndPathsThatAreNotApps() throws Exception {
    assertThat(get("/http-app.git/info/refs", "alice:" + KEY).statusCode()).isEqualTo(403);
    assertThat(get("/Bad_Name.git/info/refs?service=git-upload-pack", "alice:" + KEY).statusCode())
        .isEqualTo(404);
    assertThat(get("/http-app.git/HEAD", "alice:" + KEY).statusCode()).isEqualTo(404);
  }

  @Test
  void clonesOverHttpToo() throws Exception {
    Path src = f.repo("http-clone", Map.of("hello.txt", "hello\n"));
    assertThat(
            f.git(src, null, "push", f.httpUrl("alice", KEY, "http-clone-app"), "HEAD:main").exit())
        .isZero();

    Processes.Result clone =
        f.git(tmp, null, "clone", f.httpUrl("alice", KEY, "http-clone-app"), "http-copy");

    assertThat(clone.exit()).as(clone.output()).isZero();
    assertThat(tmp.resolve("http-copy/hello.txt")).hasContent("hello");
  }

  private static HttpResponse<String> get(String path, String credentials) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.gateway.httpPort() + path));
    if (credentials != null) {
      r.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
  }
}
