package dev.hoist.router;

import static dev.hoist.router.support.Tables.app;
import static dev.hoist.router.support.Tables.up;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.router.support.Await;
import dev.hoist.router.support.LeakWatch;
import dev.hoist.router.support.RawClient;
import dev.hoist.router.support.RouterHarness;
import dev.hoist.router.support.Tables;
import dev.hoist.router.support.TestBackend;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Which dyno a request reaches, by host, and over which connections. */
@ExtendWith(LeakWatch.class)
class RoutingIT {
  private TestBackend one;
  private TestBackend two;
  private TestBackend other;
  private RouterHarness router;

  @BeforeEach
  void start() throws Exception {
    one = TestBackend.start("one");
    two = TestBackend.start("two");
    other = TestBackend.start("other");
    router =
        RouterHarness.start(
            Tables.of(
                app(
                    "demo",
                    List.of("demo.localhost", "www.example.com"),
                    up("web.1", one),
                    up("web.2", two)),
                app("other", up("web.1", other))));
  }

  @AfterEach
  void stop() {
    router.close();
    one.close();
    two.close();
    other.close();
  }

  @Test
  void routesEachAppsHostToItsOwnDynos() throws Exception {
    HttpResponse<String> demo = router.get("demo.localhost", "/");
    HttpResponse<String> otherApp = router.get("other.localhost:8080", "/");

    assertThat(demo.statusCode()).isEqualTo(200);
    assertThat(demo.body()).isIn("hello from one", "hello from two");
    assertThat(otherApp.body()).isEqualTo("hello from other");
    assertThat(other.seen).singleElement().satisfies(s -> assertThat(s.uri()).isEqualTo("/"));
  }

  @Test
  void routesCustomDomainsAndIgnoresCaseAndTrailingDot() throws Exception {
    assertThat(router.get("WWW.Example.com.", "/x?y=1").statusCode()).isEqualTo(200);

    assertThat(one.requests() + two.requests()).isEqualTo(1);
    assertThat(one.seen.isEmpty() ? two.seen.get(0).uri() : one.seen.get(0).uri())
        .isEqualTo("/x?y=1");
    assertThat(
            one.seen.isEmpty()
                ? two.seen.get(0).headers().get("Host")
                : one.seen.get(0).headers().get("Host"))
        .as("the dyno sees the Host the client sent")
        .isEqualTo("WWW.Example.com.");
  }

  @Test
  void answers404WithAPlainPageForAnUnknownHost() throws Exception {
    HttpResponse<String> response = router.get("nope.localhost", "/");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(response.body()).isEqualTo("No such app\n");
    assertThat(one.requests() + two.requests() + other.requests()).isZero();
    assertThat(router.logs.lines()).as("an unknown host belongs to no app's log").isEmpty();
  }

  @Test
  void spreadsRequestsOverEveryUpDyno() throws Exception {
    for (int i = 0; i < 20; i++)
      assertThat(router.get("demo.localhost", "/").statusCode()).isEqualTo(200);

    assertThat(one.requests()).isGreaterThanOrEqualTo(5);
    assertThat(two.requests()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void reusesKeptAliveConnectionsOnBothSides() throws Exception {
    for (int i = 0; i < 30; i++)
      assertThat(router.get("other.localhost", "/").statusCode()).isEqualTo(200);

    // One client connection lands on one event loop, which keeps one warm connection to the dyno.
    assertThat(other.connections.get()).isEqualTo(1);
    Set<Integer> ports =
        other.seen.stream().map(TestBackend.Seen::remotePort).collect(Collectors.toSet());
    assertThat(ports).hasSize(1);
  }

  @Test
  void closesDynoConnectionsThatSitIdleInThePool() throws Exception {
    router.close();
    router =
        RouterHarness.start(
            Map.of("hoist.router.pool-idle-timeout", "300ms"),
            Tables.of(app("other", up("web.1", other))));

    assertThat(router.get("other.localhost", "/").statusCode()).isEqualTo(200);
    assertThat(other.open.get()).isEqualTo(1);

    Await.until(
        "the idle dyno connection to be closed",
        Duration.ofSeconds(5),
        () -> other.open.get() == 0);
    assertThat(router.get("other.localhost", "/").statusCode())
        .as("a new one is opened")
        .isEqualTo(200);
    assertThat(other.connections.get()).isEqualTo(2);
  }

  @Test
  void closesClientConnectionsThatSendNoRequestForTheIdleTimeout() throws Exception {
    router.close();
    router =
        RouterHarness.start(
            Map.of("hoist.router.idle-timeout", "300ms"),
            Tables.of(app("other", up("web.1", other))));
    try (Socket silent = new Socket("127.0.0.1", router.port);
        Socket used = new Socket("127.0.0.1", router.port)) {
      silent.setSoTimeout(5_000);
      used.setSoTimeout(5_000);
      used.getOutputStream()
          .write(
              "GET / HTTP/1.1\r\nHost: other.localhost\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));

      assertThat(silent.getInputStream().read()).as("closed without a word").isEqualTo(-1);
      String answer = new String(used.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(answer).startsWith("HTTP/1.1 200").endsWith("hello from other");
    }
  }

  @Test
  void answersPipelinedRequestsInOrderOnOneConnection() throws Exception {
    String one = "GET /first HTTP/1.1\r\nHost: other.localhost\r\n\r\n";
    String two = "HEAD /second HTTP/1.1\r\nHost: other.localhost\r\n\r\n";
    String three = "GET /third HTTP/1.1\r\nHost: other.localhost\r\nConnection: close\r\n\r\n";

    String responses = RawClient.exchange(router.port, one + two + three);

    assertThat(responses.split("HTTP/1.1 200 OK", -1)).hasSize(4);
    assertThat(responses).endsWith("hello from other");
    assertThat(responses.split("hello from other", -1)).as("no body for HEAD").hasSize(3);
    assertThat(other.seen)
        .extracting(TestBackend.Seen::uri)
        .containsExactly("/first", "/second", "/third");
  }

  @Test
  void followsTheRouteTableWhenItChanges() throws Exception {
    assertThat(router.get("demo.localhost", "/").statusCode()).isEqualTo(200);

    router.routes.set(Tables.of(app("demo", up("web.3", other))));

    assertThat(router.get("demo.localhost", "/").body()).isEqualTo("hello from other");
    assertThat(router.get("other.localhost", "/").statusCode())
        .as("gone from the table")
        .isEqualTo(404);
  }
}
