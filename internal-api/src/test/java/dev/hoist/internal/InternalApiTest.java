package dev.hoist.internal;

import static dev.hoist.internal.testing.FakeApiServer.error;
import static dev.hoist.internal.testing.FakeApiServer.ok;
import static dev.hoist.internal.testing.FakeApiServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoist.internal.testing.FakeApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InternalApiTest {
  record Thing(String name, int sizeInBytes) {}

  private final FakeApiServer fake = new FakeApiServer("secret");
  private final InternalApi api = new InternalApi(fake.url(), "secret");

  InternalApiTest() throws IOException {}

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void sendsTheTokenAndReadsSnakeCaseRecords() throws Exception {
    fake.on(
        "GET",
        "/internal/things/([^/]+)",
        c -> ok(Map.of("name", c.group(1), "size_in_bytes", 7, "later", "x")));
    assertThat(api.get("/internal/things/a", Thing.class)).isEqualTo(new Thing("a", 7));
  }

  @Test
  void aWrongTokenIsTheApisRefusalWithItsIdAndMessage() {
    fake.on("GET", "/internal/things", c -> ok(List.of()));
    InternalApi wrong = new InternalApi(fake.url(), "guess");
    assertThatThrownBy(() -> wrong.get("/internal/things", Thing.class))
        .isInstanceOfSatisfying(
            InternalApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.id()).isEqualTo("unauthorized");
              assertThat(e.getMessage()).isEqualTo("this endpoint needs the component token");
            });
  }

  @Test
  void anErrorBodyThatIsNotTheApisNamesTheCallWithoutItsQuery() {
    fake.on(
        "GET", "/internal/things", c -> new FakeApiServer.Answer(502, "<html>bad gateway</html>"));
    assertThatThrownBy(() -> api.get("/internal/things?signature=secret", Thing.class))
        .isInstanceOfSatisfying(
            InternalApiException.class,
            e -> {
              assertThat(e.id()).isEqualTo("http_502");
              assertThat(e.getMessage())
                  .isEqualTo("GET /internal/things answered 502")
                  .doesNotContain("secret");
              assertThat(e.isTransient()).isTrue();
            });
  }

  @Test
  void findIsEmptyOnNotFoundAndPostIsEmptyOnNoContent() throws Exception {
    fake.on("GET", "/internal/keys", c -> error(404, "not_found", "no account has that key"));
    fake.on("POST", "/internal/claim", c -> status(204));
    assertThat(api.find("/internal/keys", Thing.class)).isEmpty();
    assertThat(api.post("/internal/claim", null, Thing.class, InternalApi.CALL_TIMEOUT)).isEmpty();
  }

  @Test
  void writesRecordsInSnakeCase() throws Exception {
    fake.on("PUT", "/internal/things", c -> ok(c.json()));
    assertThat(api.put("/internal/things", new Thing("b", 3), Map.class))
        .isEqualTo(Map.of("name", "b", "size_in_bytes", 3));
  }

  @Test
  void anUnreachableApiIsStatusZero() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    InternalApi away = new InternalApi("http://127.0.0.1:" + port, "secret");
    assertThatThrownBy(() -> away.get("/internal/state", Thing.class))
        .isInstanceOfSatisfying(
            InternalApiException.class,
            e -> {
              assertThat(e.status()).isZero();
              assertThat(e.id()).isEqualTo("unreachable");
              assertThat(e.getMessage())
                  .startsWith("GET 127.0.0.1:" + port + "/internal/state failed");
            });
  }

  @Test
  void answersThatAreNotTheRecordAreAClearError() {
    fake.on("GET", "/internal/things", c -> ok(List.of(1, 2)));
    assertThatThrownBy(() -> api.get("/internal/things", Thing.class))
        .isInstanceOfSatisfying(
            InternalApiException.class,
            e ->
                assertThat(e.getMessage())
                    .startsWith("GET /internal/things answered JSON we cannot read"));
  }

  @Test
  void blobsMoveThroughSignedUrlsWithoutTheToken(@TempDir Path dir) throws Exception {
    Blobs blobs = new Blobs(new InternalApi(fake.url(), "secret"));
    Path file = Files.writeString(dir.resolve("in"), "slug bytes");
    blobs.upload(fake.blobUrl("slugs/1"), file, "application/gzip");
    assertThat(blobs.download(fake.blobUrl("slugs/1"), dir.resolve("out"))).isTrue();
    assertThat(dir.resolve("out")).hasContent("slug bytes");
    assertThat(blobs.download(fake.blobUrl("slugs/none"), dir.resolve("none"))).isFalse();
    assertThatThrownBy(() -> blobs.open(fake.url() + "/blobs/slugs/1"))
        .isInstanceOfSatisfying(
            InternalApiException.class, e -> assertThat(e.status()).isEqualTo(403));
  }

  @Test
  void streamsASignedUrlWithoutTheTokenAsTheEndpointWritesIt() throws Exception {
    fake.onSigned(
        "GET",
        "/streams/([^/]+)",
        c -> {
          c.exchange().sendResponseHeaders(200, 0);
          try (OutputStream out = c.exchange().getResponseBody()) {
            out.write(("output of " + c.group(1) + "\n").getBytes(StandardCharsets.UTF_8));
          }
          return FakeApiServer.WRITTEN;
        });
    try (InputStream in = api.stream(api.resolve(fake.signedUrl("/streams/b1")))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("output of b1\n");
    }
    assertThatThrownBy(() -> api.stream(api.resolve(fake.url() + "/streams/b1")))
        .isInstanceOfSatisfying(
            InternalApiException.class, e -> assertThat(e.status()).isEqualTo(403));
  }

  @Test
  void aCallWhoseAnswerIsNotNeededTakesAny2xxBody() throws Exception {
    fake.on("POST", "/internal/logs", c -> new FakeApiServer.Answer(202, "accepted, thanks"));
    api.send("POST", "/internal/logs", List.of());
    api.postText("/internal/logs", "a line\n");
  }

  @Test
  void anInterruptedCallIsAStopNotAnOutage() throws Exception {
    fake.on(
        "GET",
        "/internal/slow",
        c -> {
          try {
            Thread.sleep(10_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return ok(List.of());
        });
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> api.get("/internal/slow", Thing.class))
        .isInstanceOfSatisfying(
            InternalApiException.class,
            e -> {
              assertThat(e.isInterrupted()).isTrue();
              assertThat(e.isTransient()).as("a stop must not be retried").isFalse();
            });
    assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
  }

  @Test
  void theFakeRefusesATokenSentToASignedUrl() throws Exception {
    fake.blobs.put("slugs/2", new byte[] {1});
    var client = java.net.http.HttpClient.newHttpClient();
    var leaked =
        client.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(fake.blobUrl("slugs/2")))
                .header("Authorization", "Bearer secret")
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(leaked.statusCode()).isEqualTo(400);
    assertThat(leaked.body()).contains("token_leaked");
  }
}
