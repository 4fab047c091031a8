package dev.hoist.router;

import static dev.hoist.router.support.Tables.app;
import static dev.hoist.router.support.Tables.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoist.router.support.Await;
import dev.hoist.router.support.Echoes;
import dev.hoist.router.support.LeakWatch;
import dev.hoist.router.support.RawClient;
import dev.hoist.router.support.RequestStream;
import dev.hoist.router.support.RouterHarness;
import dev.hoist.router.support.Tables;
import dev.hoist.router.support.TestBackend;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two routers on one port (SO_REUSEPORT) and the draining stop, which together let a router be
 * replaced with no request failed: the old one stops listening, finishes what it has, and sends its
 * kept-alive clients to the new one.
 */
@ExtendWith(LeakWatch.class)
class DrainIT {
  private static final Duration SOON = Duration.ofSeconds(10);
  private static final String GET =
      "GET / HTTP/1.1\r\nHost: demo.localhost\r\nConnection: close\r\n\r\n";

  @Test
  void aStoppingRouterHandsItsClientsToTheOtherOnItsPortWithoutAFailedRequest() throws Exception {
    Map<String, String> onPort = onPort(freePort(), "25s");
    int port = Integer.parseInt(onPort.get("hoist.router.port"));
    try (TestBackend a = TestBackend.start("a");
        TestBackend b = TestBackend.start("b");
        RouterHarness old = RouterHarness.start(onPort, Tables.of(app("demo", up("web.1", a))))) {
      List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        slow.add(
            old.http.sendAsync(
                old.request("demo.localhost", "/slow/1500").build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      Await.until(
          "the slow requests to reach the old router's dyno", SOON, () -> a.requests() == 3);
      RequestStream stream = RequestStream.start(port, "demo.localhost", 4);
      try {
        Await.until(
            "the stream to flow through the old router", SOON, () -> stream.answeredBy("a") >= 50);
        try (RouterHarness fresh =
            RouterHarness.start(onPort, Tables.of(app("demo", up("web.1", b))))) {

          old.router.close(); // returns once drained

          int afterClose = stream.answeredBy("b");
          Await.until(
              "the stream to flow on through the new router",
              SOON,
              () -> stream.answeredBy("b") >= afterClose + 50);
          stream.stop();
          for (CompletableFuture<HttpResponse<String>> request : slow) {
            HttpResponse<String> r = request.get(10, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("slept 1500");
            assertThat(r.headers().firstValue("X-Dyno"))
                .as("answered through the old router, not sent again to the new one")
                .hasValue("a");
          }
          assertThat(stream.failures).as("failed requests").isEmpty();
          // The client sends a GET again when its connection ends before any byte of the answer,
          // which hides a request cut off on its way. Every request a dyno saw was answered,
          // so none was: the ones sent again never reached the old router's dyno.
          assertThat(seen(a, "/") + seen(b, "/"))
              .as("requests the dynos saw")
              .isEqualTo(stream.answeredBy("a") + stream.answeredBy("b"));
          assertThat(fresh.router.port()).isEqualTo(port);
        }
      } finally {
        stream.stop();
      }
    }
  }

  @Test
  void newConnectionsAreSpreadOverTheRoutersSharingAPort() throws Exception {
    Map<String, String> onPort = onPort(freePort(), "1s");
    int port = Integer.parseInt(onPort.get("hoist.router.port"));
    try (TestBackend a = TestBackend.start("a");
        TestBackend b = TestBackend.start("b");
        RouterHarness first = RouterHarness.start(onPort, Tables.of(app("demo", up("web.1", a))));
        RouterHarness second =
            RouterHarness.start(onPort, Tables.of(app("demo", up("web.1", b))))) {
      List<String> bodies = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String answer = RawClient.exchange(port, GET);
        bodies.add(answer.substring(answer.indexOf("\r\n\r\n") + 4));
      }

      // The kernel picks by a hash of each connection's addresses: 40 new connections all to one
      // of two routers would happen once in 2^39 runs.
      assertThat(bodies).contains("hello from a", "hello from b");
      assertThat(first.router.port()).isEqualTo(second.router.port());
    }
  }

  @Test
  void withoutReusePortASecondRouterCannotTakeThePort() throws Exception {
    Map<String, String> settings = new HashMap<>(onPort(freePort(), "1s"));
    settings.put("hoist.router.reuse-port", "false");
    try (TestBackend dyno = TestBackend.start("web");
        RouterHarness first =
            RouterHarness.start(settings, Tables.of(app("demo", up("web.1", dyno))))) {
      assertThatThrownBy(
              () -> RouterHarness.start(settings, Tables.of(app("demo", up("web.1", dyno)))))
          .hasMessageContaining("in use");
      assertThat(RawClient.status(RawClient.exchange(first.port, GET))).isEqualTo(200);
    }
  }

  @Test
  void drainingClosesIdleConnectionsAtOnceAndAnswersTheOthersWithConnectionClose()
      throws Exception {
    try (TestBackend dyno = TestBackend.start("web");
        RouterHarness router =
            RouterHarness.start(
                Map.of("hoist.router.drain-timeout", "25s"),
                Tables.of(app("demo", up("web.1", dyno))));
        Socket idle =
            RawClient.send(router.port, "GET / HTTP/1.1\r\nHost: demo.localhost\r\n\r\n");
        Socket held =
            RawClient.send(
                router.port, "GET /after-gate HTTP/1.1\r\nHost: demo.localhost\r\n\r\n")) {
      assertThat(RawClient.readResponse(idle))
          .startsWith("HTTP/1.1 200")
          .doesNotContainIgnoringCase("connection: close");
      Await.until(
          "the held request to reach the dyno",
          SOON,
          () -> dyno.seen.stream().anyMatch(s -> s.uri().equals("/after-gate")));

      CompletableFuture<Void> closing = CompletableFuture.runAsync(router.router::close);

      assertThat(idle.getInputStream().read())
          .as("the idle kept-alive connection, closed at once")
          .isEqualTo(-1);
      assertThat(closing).as("draining while a request is under way").isNotDone();
      assertThatThrownBy(() -> new Socket("127.0.0.1", router.port).close())
          .as("no router listens on the port now")
          .isInstanceOf(ConnectException.class);

      dyno.openGate();

      assertThat(RawClient.readResponse(held))
          .startsWith("HTTP/1.1 200")
          .contains("\r\nConnection: close\r\n")
          .endsWith("hello from web");
      assertThat(held.getInputStream().read()).as("closed after the response").isEqualTo(-1);
      closing.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aWebsocketStaysOpenWhileTheRouterDrains() throws Exception {
    try (TestBackend dyno = TestBackend.websocketEcho("ws");
        RouterHarness router =
            RouterHarness.start(
                Map.of("hoist.router.drain-timeout", "60s"),
                Tables.of(app("demo", List.of("127.0.0.1"), up("web.1", dyno))))) {
      Echoes echoes = new Echoes();
      WebSocket socket =
          router
              .http
              .newWebSocketBuilder()
              .buildAsync(URI.create("ws://127.0.0.1:" + router.port + "/ws"), echoes)
              .get(10, TimeUnit.SECONDS);

      CompletableFuture<Void> closing = CompletableFuture.runAsync(router.router::close);
      Await.until("the router to stop listening", SOON, () -> refuses(router.port));

      socket.sendText("still here?", true).get(10, TimeUnit.SECONDS);
      assertThat(echoes.received.poll(10, TimeUnit.SECONDS)).isEqualTo("echo: still here?");
      assertThat(closing).as("draining while the websocket is open").isNotDone();

      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);

      closing.get(10, TimeUnit.SECONDS);
      assertThat(echoes.ended.get(10, TimeUnit.SECONDS)).startsWith("closed");
    }
  }

  @Test
  void whatIsStillOpenWhenTheDrainTimesOutIsCut() throws Exception {
    try (TestBackend dyno = TestBackend.start("web");
        RouterHarness router =
            RouterHarness.start(
                Map.of("hoist.router.drain-timeout", "200ms"),
                Tables.of(app("demo", up("web.1", dyno))));
        Socket held =
            RawClient.send(
                router.port, "GET /after-gate HTTP/1.1\r\nHost: demo.localhost\r\n\r\n")) {
      Await.until(
          "the held request to reach the dyno",
          SOON,
          () -> dyno.seen.stream().anyMatch(s -> s.uri().equals("/after-gate")));

      router.router.close();

      assertThat(endOf(held)).as("how the held request's connection ended").isIn("EOF", "reset");
    }
  }

  private static long seen(TestBackend dyno, String path) {
    return dyno.seen.stream().filter(s -> s.uri().equals(path)).count();
  }

  /** A port nothing listens on now. */
  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Map<String, String> onPort(int port, String drainTimeout) {
    return Map.of(
        "hoist.router.port", Integer.toString(port), "hoist.router.drain-timeout", drainTimeout);
  }

  private static boolean refuses(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static String endOf(Socket socket) throws IOException {
    try {
      int b = socket.getInputStream().read();
      return b < 0 ? "EOF" : "a byte: " + b;
    } catch (SocketException e) {
      return e.getMessage().contains("reset") ? "reset" : e.getMessage();
    }
  }
}
