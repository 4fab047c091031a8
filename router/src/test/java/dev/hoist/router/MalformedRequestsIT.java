package dev.hoist.router;

import static dev.hoist.router.support.Tables.app;
import static dev.hoist.router.support.Tables.up;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.router.support.LeakWatch;
import dev.hoist.router.support.RawClient;
import dev.hoist.router.support.RouterHarness;
import dev.hoist.router.support.Tables;
import dev.hoist.router.support.TestBackend;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests the router refuses: each gets a clear status, reaches no dyno, ends its connection, and
 * leaves every other connection alone.
 */
@ExtendWith(LeakWatch.class)
class MalformedRequestsIT {
  private static final String HOST = "Host: demo.localhost\r\n";
  private static TestBackend dyno;
  private static RouterHarness router;

  @BeforeAll
  static void start() throws Exception {
    dyno = TestBackend.start("web");
    router = RouterHarness.start(Tables.of(app("demo", up("web.1", dyno))));
  }

  @AfterAll
  static void stop() {
    router.close();
    dyno.close();
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "both Content-Length and Transfer-Encoding",
            400,
            "POST / HTTP/1.1\r\n"
                + HOST
                + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
        Arguments.of(
            "conflicting Content-Length values",
            400,
            "POST / HTTP/1.1\r\n" + HOST + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"),
        Arguments.of(
            "a Content-Length that is no number",
            400,
            "POST / HTTP/1.1\r\n" + HOST + "Content-Length: five\r\n\r\n"),
        Arguments.of("no Host header", 400, "GET / HTTP/1.1\r\n\r\n"),
        Arguments.of(
            "two Host headers", 400, "GET / HTTP/1.1\r\n" + HOST + "Host: other.localhost\r\n\r\n"),
        Arguments.of(
            "a Host with a slash", 400, "GET / HTTP/1.1\r\nHost: demo.localhost/x\r\n\r\n"),
        Arguments.of(
            "a Host with a bad port", 400, "GET / HTTP/1.1\r\nHost: demo.localhost:80a\r\n\r\n"),
        Arguments.of("a method with invalid characters", 400, "G@T / HTTP/1.1\r\n" + HOST + "\r\n"),
        Arguments.of("CONNECT", 501, "CONNECT demo.localhost:443 HTTP/1.1\r\n" + HOST + "\r\n"),
        Arguments.of(
            "an Expect other than 100-continue",
            417,
            "GET / HTTP/1.1\r\n" + HOST + "Expect: coffee\r\n\r\n"),
        Arguments.of("an unknown HTTP version", 505, "GET / HTTP/9.9\r\n" + HOST + "\r\n"),
        Arguments.of(
            "a header without a colon",
            400,
            "GET / HTTP/1.1\r\n" + HOST + "Broken header\r\n\r\n"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("malformed")
  void refusesMalformedRequests(String what, int status, String request) throws Exception {
    int before = dyno.requests();

    String response = RawClient.exchange(router.port, request);

    assertThat(RawClient.status(response)).as(what).isEqualTo(status);
    assertThat(response)
        .as("the router closes the connection after it")
        .containsIgnoringCase("connection: close");
    assertThat(dyno.requests()).as("nothing reached the dyno").isEqualTo(before);
  }

  @Test
  void refusesABadChunkEvenAfterTheHeadWentToTheDyno() throws Exception {
    // The head streams on before the body is seen, so the dyno may see it; its connection is then
    // closed.
    String response =
        RawClient.exchange(
            router.port,
            "POST /upload HTTP/1.1\r\n"
                + HOST
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\n");

    assertThat(RawClient.status(response)).isEqualTo(400);
    assertThat(response).containsIgnoringCase("connection: close");
  }

  @Test
  void refusesARequestLineOver8KbWith414() throws Exception {
    String response =
        RawClient.exchange(
            router.port, "GET /" + "a".repeat(8200) + " HTTP/1.1\r\n" + HOST + "\r\n");

    assertThat(RawClient.status(response)).isEqualTo(414);
  }

  @Test
  void refusesAHeaderLineOver8KbWith431() throws Exception {
    String response =
        RawClient.exchange(
            router.port, "GET / HTTP/1.1\r\n" + HOST + "Cookie: " + "c".repeat(8200) + "\r\n\r\n");

    assertThat(RawClient.status(response)).isEqualTo(431);
  }

  @Test
  void acceptsHeadersOver8KbInTotalButNotOver64Kb() throws Exception {
    String tenKb = ("X-Filler: " + "f".repeat(1000) + "\r\n").repeat(10);
    String seventyKb = ("X-Filler: " + "f".repeat(1000) + "\r\n").repeat(70);

    String fine =
        RawClient.exchange(
            router.port, "GET / HTTP/1.1\r\n" + HOST + tenKb + "Connection: close\r\n\r\n");
    String tooMuch =
        RawClient.exchange(router.port, "GET / HTTP/1.1\r\n" + HOST + seventyKb + "\r\n");

    assertThat(RawClient.status(fine)).isEqualTo(200);
    assertThat(RawClient.status(tooMuch)).isEqualTo(431);
  }

  @Test
  void aMalformedRequestDoesNotDisturbARequestInFlightOnAnotherConnection() throws Exception {
    CompletableFuture<java.net.http.HttpResponse<String>> slow =
        router.http.sendAsync(
            router.request("demo.localhost", "/slow/300").build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    String bad =
        RawClient.exchange(
            router.port,
            "POST / HTTP/1.1\r\n"
                + HOST
                + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");

    assertThat(RawClient.status(bad)).isEqualTo(400);
    assertThat(slow.get().statusCode()).isEqualTo(200);
    assertThat(slow.get().body()).isEqualTo("slept 300");
  }

  @Test
  void ignoresWhatFollowsAMalformedRequestOnItsConnection() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", router.port)) {
      OutputStream out = socket.getOutputStream();
      // A smuggling attempt: the second request hides in a body whose framing is ambiguous.
      out.write(
          ("POST / HTTP/1.1\r\n"
                  + HOST
                  + "Content-Length: 40\r\nTransfer-Encoding: chunked\r\n\r\n"
                  + "0\r\n\r\nGET /smuggled HTTP/1.1\r\n"
                  + HOST
                  + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.setSoTimeout(10_000);
      String response =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

      assertThat(RawClient.status(response)).isEqualTo(400);
      assertThat(response.indexOf("HTTP/1.1", 1)).as("one response only").isEqualTo(-1);
    }
    assertThat(dyno.seen).noneSatisfy(s -> assertThat(s.uri()).isEqualTo("/smuggled"));
  }
}
