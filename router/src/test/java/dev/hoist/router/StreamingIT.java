package dev.hoist.router;

import static dev.hoist.router.support.Tables.app;
import static dev.hoist.router.support.Tables.up;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.router.support.Await;
import dev.hoist.router.support.Echoes;
import dev.hoist.router.support.LeakWatch;
import dev.hoist.router.support.RouterHarness;
import dev.hoist.router.support.Tables;
import dev.hoist.router.support.TestBackend;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bodies stream through the router both ways, 50 MB at a time, and backpressure reaches the sender:
 * the router holds no more than its small per-connection buffers, never a whole body.
 */
@ExtendWith(LeakWatch.class)
class StreamingIT {
  private static final int FIFTY_MB = 50 * 1024 * 1024;
  private static final int ONE_MB = 1024 * 1024;

  private TestBackend dyno;
  private RouterHarness router;

  @BeforeEach
  void start() throws Exception {
    dyno = TestBackend.start("web");
    router =
        RouterHarness.start(
            Tables.of(app("demo", List.of("demo.localhost", "127.0.0.1"), up("web.1", dyno))));
  }

  @AfterEach
  void stop() {
    router.close();
    dyno.close();
  }

  @Test
  void streamsA50MbUploadToTheDynoBeforeTheClientHasSentIt() throws Exception {
    // The client sends 1 MB, then waits for the dyno to have received bytes before sending the
    // rest: a
    // router that buffered the whole body first would never forward anything, and this would time
    // out.
    InputStream body =
        new ZeroStream(
            FIFTY_MB,
            ONE_MB,
            () ->
                Await.until(
                    "the dyno to see the first bytes",
                    Duration.ofSeconds(10),
                    () -> dyno.uploaded.get() > 0));

    HttpResponse<String> response =
        router.send(
            router
                .request("demo.localhost", "/upload")
                .POST(
                    HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> body), FIFTY_MB))
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(String.valueOf(FIFTY_MB));
    assertThat(dyno.uploaded.get()).isEqualTo(FIFTY_MB);
  }

  @Test
  void streamsA50MbDownloadToTheClientBeforeTheDynoHasSentIt() throws Exception {
    // The dyno sends half, then waits for the test to open the gate; the client reads its first
    // megabyte meanwhile, which a router that buffered whole responses could not deliver.
    HttpResponse<InputStream> response =
        router.http.send(
            router.request("demo.localhost", "/download/" + FIFTY_MB).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      long first = in.readNBytes(ONE_MB).length;
      assertThat(first).isEqualTo(ONE_MB);
      assertThat(dyno.downloaded.get()).isLessThan(FIFTY_MB);

      dyno.openGate();
      long rest = in.transferTo(OutputStreamCounter.INSTANCE);
      assertThat(first + rest).isEqualTo(FIFTY_MB);
    }
    assertThat(router.logs.await("at=info").message()).contains("bytes=" + FIFTY_MB, "status=200");
  }

  @Test
  void stopsReadingTheDynoWhileTheClientDoesNotRead() throws Exception {
    dyno.openGate();
    try (Socket client = new Socket()) {
      client.setReceiveBufferSize(64 * 1024);
      client.connect(new java.net.InetSocketAddress("127.0.0.1", router.port));
      client
          .getOutputStream()
          .write(
              ("GET /download/" + FIFTY_MB + " HTTP/1.1\r\nHost: demo.localhost\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));

      long sent =
          Await.stalled(
              "the dyno's writes",
              Duration.ofSeconds(20),
              Duration.ofMillis(500),
              dyno.downloaded::get);

      assertThat(sent)
          .as("what the dyno got out before backpressure stopped it")
          .isLessThan(FIFTY_MB / 2);
      assertThat(client.getInputStream().readNBytes(100)).hasSize(100);
    }
  }

  @Test
  void stopsReadingTheClientWhileTheDynoDoesNotRead() throws Exception {
    ZeroStream body = new ZeroStream(FIFTY_MB, Integer.MAX_VALUE, () -> {});
    CompletableFuture<HttpResponse<String>> upload =
        router.http.sendAsync(
            router
                .request("demo.localhost", "/stall")
                .POST(
                    HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> body), FIFTY_MB))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    long sent =
        Await.stalled(
            "the client's upload", Duration.ofSeconds(20), Duration.ofMillis(500), body::produced);

    assertThat(sent)
        .as("what the client got out before backpressure stopped it")
        .isLessThan(FIFTY_MB / 2);
    upload.cancel(true);
  }

  @Test
  void relaysAWebsocketBothWays() throws Exception {
    dyno.close();
    dyno = TestBackend.websocketEcho("ws");
    router.routes.set(Tables.of(app("demo", List.of("127.0.0.1"), up("web.1", dyno))));
    Echoes echoes = new Echoes();
    LinkedBlockingQueue<String> received = echoes.received;

    WebSocket socket = openWebsocket(echoes);
    socket.sendText("hello", true).get(10, TimeUnit.SECONDS);
    socket.sendText("again", true).get(10, TimeUnit.SECONDS);

    assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("echo: hello");
    assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("echo: again");
    assertThat(dyno.seen)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.headers().get("Upgrade")).isEqualToIgnoringCase("websocket");
              assertThat(s.headers().get("X-Request-ID")).isNotBlank();
            });
    assertThat(router.logs.await("status=101").message())
        .startsWith("at=info method=GET path=\"/ws\"");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
  }

  @Test
  void closesAWebsocketWithNoByteEitherWayForTheIdleTimeout() throws Exception {
    router.close();
    dyno.close();
    dyno = TestBackend.websocketEcho("ws");
    router =
        RouterHarness.start(
            Map.of("hoist.router.idle-timeout", "1s"),
            Tables.of(app("demo", List.of("127.0.0.1"), up("web.1", dyno))));
    Echoes echoes = new Echoes();
    LinkedBlockingQueue<String> received = echoes.received;
    CompletableFuture<String> ended = echoes.ended;

    WebSocket socket = openWebsocket(echoes);
    // A message every 400 ms keeps the tunnel open well past the 1 s idle timeout...
    for (int i = 0; i < 6; i++) {
      socket.sendText("ping " + i, true).get(10, TimeUnit.SECONDS);
      assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("echo: ping " + i);
      Thread.sleep(400);
    }
    assertThat(ended).as("open while messages flow").isNotDone();

    // ...and silence ends it: the router closes both connections.
    assertThat(ended.get(10, TimeUnit.SECONDS)).as("how the tunnel ended").isNotNull();
  }

  private WebSocket openWebsocket(Echoes echoes) throws Exception {
    return router
        .http
        .newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + router.port + "/ws"), echoes)
        .get(10, TimeUnit.SECONDS);
  }

  /** {@code size} zero bytes; after {@code pauseAt} bytes it runs {@code pause} once. */
  private static final class ZeroStream extends InputStream {
    private final long size;
    private final long pauseAt;
    private final Runnable pause;
    private final AtomicLong produced = new AtomicLong();
    private boolean paused;

    ZeroStream(long size, long pauseAt, Runnable pause) {
      this.size = size;
      this.pauseAt = pauseAt;
      this.pause = pause;
    }

    long produced() {
      return produced.get();
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      long done = produced.get();
      if (done >= size) return -1;
      if (!paused && done >= pauseAt) {
        paused = true;
        pause.run();
      }
      int n = (int) Math.min(len, size - done);
      java.util.Arrays.fill(b, off, off + n, (byte) 0);
      produced.addAndGet(n);
      return n;
    }
  }

  private static final class OutputStreamCounter extends java.io.OutputStream {
    static final OutputStreamCounter INSTANCE = new OutputStreamCounter();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
