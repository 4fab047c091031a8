package dev.hoist.deploy.address;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StableAddressTest {
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final List<InetSocketAddress> dynos = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) c.close();
  }

  @Test
  void connectionsAreSpreadOverTheApisDynos() throws Exception {
    dynos.add(api("a"));
    dynos.add(api("b"));
    StableAddress address = address(Duration.ofSeconds(5));
    Set<String> answered = new HashSet<>();
    for (int i = 0; i < 6; i++) answered.add(body(raw(address, "GET /health")));
    assertThat(answered).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void anIdempotentRequestWhoseDynoDiesBeforeAnsweringGoesToAnotherDyno() throws Exception {
    AtomicInteger cut = new AtomicInteger();
    dynos.add(dyingDyno(cut));
    dynos.add(api("alive"));
    StableAddress address = address(Duration.ofSeconds(5));
    for (int i = 0; i < 4; i++) {
      String r = raw(address, "GET /apps"); // one try: the client does not retry, the relay does
      assertThat(r).startsWith("HTTP/1.1 200");
      assertThat(body(r)).isEqualTo("alive");
    }
    assertThat(cut.get()).isPositive(); // the dying dyno did take some of them
  }

  @Test
  void aPostWhoseDynoDiesBeforeAnsweringIsNotSentTwice() throws Exception {
    AtomicInteger cut = new AtomicInteger();
    dynos.add(dyingDyno(cut));
    StableAddress address = address(Duration.ofSeconds(5));
    String r;
    try {
      r = raw(address, "POST /apps");
    } catch (IOException reset) {
      r = "";
    }
    assertThat(r).isEmpty(); // the client learns its request is lost; it was not made twice
    assertThat(cut.get()).isEqualTo(1);
  }

  @Test
  void aConnectionWaitsForAnApiDynoThatIsStarting() throws Exception {
    StableAddress address = address(Duration.ofSeconds(20));
    Thread later =
        new Thread(
            () -> {
              try {
                Thread.sleep(300);
                dynos.add(api("late"));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    later.start();
    assertThat(body(raw(address, "GET /health"))).isEqualTo("late");
    later.join();
  }

  @Test
  void withNoApiDynoInTimeTheClientIsToldTheApiIsNotRunning() throws Exception {
    StableAddress address = address(Duration.ofMillis(300));
    String r = raw(address, "GET /apps");
    assertThat(r).startsWith("HTTP/1.1 503");
    assertThat(body(r)).contains("\"id\":\"unavailable\"").contains("not running");
  }

  @Test
  void aKeptAliveConnectionCarriesManyRequestsToOneDyno() throws Exception {
    dynos.add(api("only"));
    StableAddress address = address(Duration.ofSeconds(5));
    try (Socket s = new Socket("127.0.0.1", address.port())) {
      String twoRequests =
          "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
      s.getOutputStream().write(twoRequests.getBytes(StandardCharsets.US_ASCII));
      String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(all.split("HTTP/1.1 200", -1)).hasSize(3);
    }
  }

  @Test
  void onlyIdempotentMethodsAreReplayed() {
    assertThat(Relay.idempotent("GET /apps HTTP/1.1".getBytes())).isTrue();
    assertThat(Relay.idempotent("DELETE /apps/x HTTP/1.1".getBytes())).isTrue();
    assertThat(Relay.idempotent("POST /apps HTTP/1.1".getBytes())).isFalse();
    assertThat(Relay.idempotent("PATCH /apps/x HTTP/1.1".getBytes())).isFalse();
    assertThat(Relay.idempotent("GE".getBytes())).isFalse();
  }

  private StableAddress address(Duration wait) throws IOException {
    StableAddress a =
        StableAddress.start(new InetSocketAddress("127.0.0.1", 0), () -> List.copyOf(dynos), wait);
    closing.add(a);
    return a;
  }

  private InetSocketAddress api(String name) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body = name.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    closing.add(() -> server.stop(0));
    return server.getAddress();
  }

  /** A dyno that takes each connection, reads the request's first bytes and dies without a word. */
  private InetSocketAddress dyingDyno(AtomicInteger cut) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    closing.add(server);
    Thread t =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                  InputStream in = s.getInputStream();
                  in.read(new byte[64]);
                  cut.incrementAndGet();
                  s.setSoLinger(true, 0); // a reset, as a killed process's socket gives
                } catch (IOException e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return new InetSocketAddress("127.0.0.1", server.getLocalPort());
  }

  /** One request on a connection of its own, as the CLI makes them; the whole answer. */
  private static String raw(StableAddress a, String requestLine) throws IOException {
    try (Socket s = new Socket("127.0.0.1", a.port())) {
      s.setSoTimeout(30_000);
      String request =
          requestLine + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
      s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String body(String response) {
    return response.substring(response.indexOf("\r\n\r\n") + 4);
  }
}
