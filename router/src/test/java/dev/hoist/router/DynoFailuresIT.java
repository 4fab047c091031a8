package dev.hoist.router;

import static dev.hoist.router.support.Tables.app;
import static dev.hoist.router.support.Tables.dyno;
import static dev.hoist.router.support.Tables.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoist.router.route.AppRoute;
import dev.hoist.router.route.CustomPages;
import dev.hoist.router.support.LeakWatch;
import dev.hoist.router.support.RawClient;
import dev.hoist.router.support.RouterHarness;
import dev.hoist.router.support.Tables;
import dev.hoist.router.support.TestBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the client gets, and what the app's log says, when dynos are missing, slow or dying. */
@ExtendWith(LeakWatch.class)
class DynoFailuresIT {
  private static final Map<String, String> FAST =
      Map.of("hoist.router.first-byte-timeout", "700ms", "hoist.router.boot-wait", "700ms");
  private static final Map<String, String> IDLE_1S = Map.of("hoist.router.idle-timeout", "1s");

  private TestBackend good;
  private TestBackend dying;
  private RouterHarness router;

  @BeforeEach
  void start() throws Exception {
    good = TestBackend.start("good");
    dying = TestBackend.hangingUp("dying");
    router = RouterHarness.start(FAST, Tables.of());
  }

  @AfterEach
  void stop() {
    router.close();
    good.close();
    dying.close();
  }

  /**
   * The log line, as a pattern, of a GET / that the router answered itself with a 503, no dyno
   * involved.
   */
  private static String ownAnswer(String at, String code, String desc) {
    return "at="
        + at
        + " code="
        + code
        + " desc=\""
        + desc
        + "\" method=GET path=\"/\" host=demo.localhost "
        + "request_id=[0-9a-f-]{36} fwd=\"127.0.0.1\" dyno= connect= service= status=503 bytes=0 protocol=http";
  }

  @Test
  void returns503WithH14WhenNoWebDynos() throws Exception {
    router.routes.set(Tables.of(app("demo")));

    HttpResponse<String> response = router.get("demo.localhost", "/");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("H14");
    assertThat(router.logs.await("code=H14").message())
        .matches(ownAnswer("error", "H14", "No web dynos running"));
  }

  @Test
  void answersEveryRequestWithTheMaintenancePageWhileTheAppIsInMaintenanceAndServesAgainAfter()
      throws Exception {
    router.routes.set(
        Tables.of(
            AppRoute.of(
                "demo", List.of("demo.localhost"), true, false, List.of(up("web.1", good)))));

    HttpResponse<String> during = router.get("demo.localhost", "/");
    router.routes.set(Tables.of(app("demo", up("web.1", good))));
    HttpResponse<String> after = router.get("demo.localhost", "/");

    assertThat(during.statusCode()).isEqualTo(503);
    assertThat(during.body()).isEqualTo("Offline for maintenance (H80: Maintenance mode)\n");
    assertThat(router.logs.await("code=H80").message())
        .matches(ownAnswer("info", "H80", "Maintenance mode"));
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(good.requests())
        .as("only the request after maintenance reached the dyno")
        .isEqualTo(1);
  }

  @Test
  void servesTheAppsOwnPagesForMaintenanceAndFailuresButNotForANewApp() throws Exception {
    CustomPages pages =
        CustomPages.of(
            "https://pages.example.com/error.html", "https://pages.example.com/away.html");
    router.routes.set(
        Tables.of(
            AppRoute.of("away", List.of("away.localhost"), true, false, pages, List.of()),
            AppRoute.of("demo", List.of("demo.localhost"), false, false, pages, List.of()),
            AppRoute.of("new", List.of("new.localhost"), false, true, pages, List.of())));

    HttpResponse<String> maintenance = router.get("away.localhost", "/");
    HttpResponse<String> noDynos = router.get("demo.localhost", "/");
    HttpResponse<String> blank = router.get("new.localhost", "/");
    HttpResponse<String> unknown = router.get("other.localhost", "/");

    assertThat(maintenance.statusCode()).isEqualTo(503);
    assertThat(maintenance.headers().firstValue("content-type"))
        .hasValue("text/html; charset=utf-8");
    assertThat(maintenance.body()).contains("<iframe src=\"https://pages.example.com/away.html\">");
    assertThat(noDynos.statusCode()).isEqualTo(503);
    assertThat(noDynos.body()).contains("<iframe src=\"https://pages.example.com/error.html\">");
    assertThat(router.logs.await("code=H14").message())
        .matches(ownAnswer("error", "H14", "No web dynos running"));
    assertThat(blank.body())
        .as("a new app is not failing")
        .isEqualTo("Nothing is deployed to this app yet (H81: Blank app)\n");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
  }

  @Test
  void returns503WithH81ForAnAppWithNothingDeployed() throws Exception {
    router.routes.set(
        Tables.of(AppRoute.of("demo", List.of("demo.localhost"), false, true, List.of())));

    HttpResponse<String> response = router.get("demo.localhost", "/");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("Nothing is deployed to this app yet (H81: Blank app)\n");
    assertThat(router.logs.await("code=H81").message())
        .startsWith("at=info code=H81 desc=\"Blank app\" ");
  }

  @Test
  void returns503WithH10WhenEveryWebDynoCrashed() throws Exception {
    router.routes.set(
        Tables.of(
            app(
                "demo",
                dyno("web.1", good.address(), "crashed"),
                dyno("web.2", null, "starting"))));

    HttpResponse<String> response = router.get("demo.localhost", "/");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(router.logs.await("code=H10").message())
        .contains("desc=\"App crashed\"", "status=503");
    assertThat(good.requests()).isZero();
  }

  @Test
  void holdsARequestWhileADynoStartsThenSendsItThere() throws Exception {
    router.close();
    router =
        RouterHarness.start(
            Map.of("hoist.router.boot-wait", "20s"),
            Tables.of(app("demo", dyno("web.1", good.address(), "starting"))));

    CompletableFuture<HttpResponse<String>> held =
        router.http.sendAsync(
            router.request("demo.localhost", "/").build(), HttpResponse.BodyHandlers.ofString());
    router.routes.set(Tables.of(app("demo", up("web.1", good))));

    assertThat(held.get().statusCode()).isEqualTo(200);
    assertThat(held.get().body()).isEqualTo("hello from good");
  }

  @Test
  void returns503WithH20WhenNoDynoComesUpInTime() throws Exception {
    router.routes.set(Tables.of(app("demo", dyno("web.1", good.address(), "starting"))));
    long start = System.nanoTime();

    HttpResponse<String> response = router.get("demo.localhost", "/");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(650));
    assertThat(router.logs.await("code=H20").message()).contains("desc=\"App boot timeout\"");
  }

  @Test
  void returns503WithH12WhenTheDynoSendsNothingInTime() throws Exception {
    router.routes.set(Tables.of(app("demo", up("web.1", good))));

    HttpResponse<String> response = router.get("demo.localhost", "/slow/5000");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(router.logs.await("code=H12").message())
        .containsPattern("dyno=web.1 connect=\\d+ms service=(6|7|8|9)\\d\\dms status=503");
    assertThat(router.get("demo.localhost", "/").statusCode())
        .as("the connection is still usable")
        .isEqualTo(200);
  }

  @Test
  void retriesARefusedConnectionOnAnotherDyno() throws Exception {
    router.routes.set(
        Tables.of(app("demo", up("web.1", RouterHarness.refusingAddress()), up("web.2", good))));

    for (int i = 0; i < 10; i++)
      assertThat(router.get("demo.localhost", "/").statusCode()).isEqualTo(200);

    assertThat(good.requests()).isEqualTo(10);
    assertThat(router.logs.lines()).allSatisfy(l -> assertThat(l.message()).startsWith("at=info"));
  }

  @Test
  void returns503WithH21WhenEveryDynoRefuses() throws Exception {
    router.routes.set(
        Tables.of(
            app(
                "demo",
                up("web.1", RouterHarness.refusingAddress()),
                up("web.2", RouterHarness.refusingAddress()))));

    assertThat(router.get("demo.localhost", "/").statusCode()).isEqualTo(503);
    assertThat(router.logs.await("code=H21").message())
        .contains("desc=\"Backend connection refused\"");
  }

  @Test
  void returns503WithH19WhenConnectingToTheDynoTimesOut() throws Exception {
    // A listener that never accepts, with its accept queue full: the kernel drops further SYNs, so
    // a
    // connect neither succeeds nor fails until the router gives up on it.
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket a = new Socket();
        Socket b = new Socket()) {
      a.connect(full.getLocalSocketAddress());
      b.connect(full.getLocalSocketAddress());
      router.close();
      router =
          RouterHarness.start(
              Map.of("hoist.router.connect-timeout", "300ms"),
              Tables.of(app("demo", up("web.1", "127.0.0.1:" + full.getLocalPort()))));

      HttpResponse<String> response = router.get("demo.localhost", "/");

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(router.logs.await("code=H19").message())
          .contains("desc=\"Backend connection timeout\"", "dyno=web.1");
    }
  }

  @Test
  void retriesAGetWhoseDynoClosedWithoutAnswering() throws Exception {
    router.routes.set(Tables.of(app("demo", up("web.1", dying), up("web.2", good))));

    for (int i = 0; i < 10; i++)
      assertThat(router.get("demo.localhost", "/").statusCode()).isEqualTo(200);

    assertThat(good.requests()).isEqualTo(10);
    assertThat(dying.requests()).as("the dying dyno was tried, then quarantined").isBetween(1, 2);
  }

  @Test
  void returns503WithH13AndDoesNotRetryAPostWhoseDynoClosedWithoutAnswering() throws Exception {
    router.routes.set(Tables.of(app("demo", up("web.1", dying), up("web.2", good))));
    HttpRequest post =
        router
            .request("demo.localhost", "/")
            .POST(HttpRequest.BodyPublishers.ofString("x=1"))
            .build();

    int h13 = 0;
    for (int i = 0; i < 6; i++) if (router.send(post).statusCode() == 503) h13++;

    // A fresh router's first pick is web.1; after it hangs up it is quarantined and web.2 takes the
    // rest.
    assertThat(dying.requests()).isGreaterThanOrEqualTo(1);
    assertThat(h13)
        .as("each POST the dying dyno swallowed is an H13, not sent again")
        .isEqualTo(dying.requests());
    assertThat(good.requests()).isEqualTo(6 - h13);
    assertThat(router.logs.await("code=H13").message())
        .contains(
            "desc=\"Connection closed without response\"",
            "method=POST",
            "dyno=web.1",
            "status=503");
  }

  @Test
  void returns503WithH13WhenTheOnlyDynoClosesAPost() throws Exception {
    router.routes.set(Tables.of(app("demo", up("web.1", dying))));

    HttpResponse<String> response =
        router.send(
            router
                .request("demo.localhost", "/")
                .POST(HttpRequest.BodyPublishers.ofString("x=1"))
                .build());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("H13");
    assertThat(dying.requests()).isEqualTo(1);
  }

  @Test
  void resetsTheClientWithH15WhenTheDynoFallsSilentMidResponse() throws Exception {
    router.close();
    router = RouterHarness.start(IDLE_1S, Tables.of(app("demo", up("web.1", good))));

    try (Socket socket =
        RawClient.send(router.port, "GET /silent HTTP/1.1\r\nHost: demo.localhost\r\n\r\n")) {
      assertThat(RawClient.readUntilReset(socket)).startsWith("HTTP/1.1 200").endsWith("12345");
    }

    assertThat(router.logs.await("code=H15").message())
        .contains(
            "at=error code=H15 desc=\"Idle connection\"",
            "dyno=web.1",
            "status=200",
            "sock=backend");
    assertThat(router.get("demo.localhost", "/").statusCode())
        .as("other requests go on")
        .isEqualTo(200);
  }

  @Test
  void resetsTheClientWithH28WhenItStopsSendingItsBodyMidResponse() throws Exception {
    router.close();
    router = RouterHarness.start(IDLE_1S, Tables.of(app("demo", up("web.1", good))));

    try (Socket socket =
        RawClient.send(
            router.port,
            "POST /early HTTP/1.1\r\nHost: demo.localhost\r\nContent-Length: 1000\r\n\r\n")) {
      // Body bytes every 400 ms keep the exchange alive past the 1 s idle timeout...
      for (int i = 0; i < 6; i++) {
        socket.getOutputStream().write("0123456789".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        Thread.sleep(400);
      }
      assertThat(router.logs.lines())
          .as("nothing cut while bytes flow")
          .noneMatch(l -> l.message().contains("code=H"));
      // ...then the client falls silent with 940 bytes still owed.
      assertThat(RawClient.readUntilReset(socket)).startsWith("HTTP/1.1 200").endsWith("12345");
    }

    assertThat(router.logs.await("code=H28").message())
        .contains("at=error code=H28 desc=\"Client Connection Idle\"", "status=200", "sock=client");
    assertThat(good.requests()).isEqualTo(1);
  }

  @Test
  void resetsTheClientWithH18WhenTheDynoBreaksOffAResponse() throws Exception {
    router.routes.set(Tables.of(app("demo", up("web.1", good))));

    assertThatThrownBy(() -> router.get("demo.localhost", "/partial"))
        .isInstanceOf(IOException.class);

    assertThat(router.logs.await("code=H18").message())
        .contains("desc=\"Server Request Interrupted\"", "status=200", "sock=backend");
  }
}
