package dev.hoist.router;

import static dev.hoist.router.support.Tables.app;
import static dev.hoist.router.support.Tables.up;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.router.log.ApiLogSink;
import dev.hoist.router.log.RouterLogLine;
import dev.hoist.router.route.StaticRouteSource;
import dev.hoist.router.support.Await;
import dev.hoist.router.support.FakeApi;
import dev.hoist.router.support.LeakWatch;
import dev.hoist.router.support.RouterHarness;
import dev.hoist.router.support.Tables;
import dev.hoist.router.support.TestBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Router lines reach the app's log stream through the api, batched, and never hold up a request.
 */
@ExtendWith(LeakWatch.class)
class ApiLogSinkIT {
  private FakeApi api;

  @BeforeEach
  void start() throws Exception {
    api = new FakeApi(0, 1, "[]");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static RouterLogLine line(int i) {
    return new RouterLogLine(
        "info",
        null,
        null,
        "GET",
        "/line/" + i,
        "demo.localhost",
        "req-" + i,
        "1.2.3.4",
        "web.1",
        0,
        1,
        200,
        i,
        "http",
        null,
        Instant.now());
  }

  @Test
  void sendsLinesInBatchesAsSourceHoistAndDynoRouter() {
    try (ApiLogSink sink = new ApiLogSink(api.url(), FakeApi.TOKEN, 10_000)) {
      for (int i = 0; i < 1200; i++) sink.log("demo", line(i));

      Await.until(
          "every line at the api", Duration.ofSeconds(10), () -> api.logLines.size() == 1200);
      assertThat(sink.dropped()).isZero();
    }
    assertThat(api.logBatchSizes).allSatisfy(n -> assertThat(n).isBetween(1, 500));
    assertThat(api.logLines.get(0).get("app").asText()).isEqualTo("demo");
    assertThat(api.logLines.get(0).get("source").asText()).isEqualTo("hoist");
    assertThat(api.logLines.get(0).get("dyno").asText()).isEqualTo("router");
    assertThat(api.logLines.get(0).get("time").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    assertThat(api.logLines.get(1199).get("message").asText()).isEqualTo(line(1199).format());
  }

  @Test
  void sendsUnicodeIntactAndEachRequestAsOneLine() {
    String host = "demo.localhost\nevil 2026-11-21T23:35:40.000000Z forged";
    RouterLogLine odd =
        new RouterLogLine(
            "info",
            null,
            null,
            "GET",
            "/caf\u00e9/\uD83D\uDE80",
            host,
            "req",
            "1.2.3.4",
            "web.1",
            0,
            1,
            200,
            0,
            "http",
            null,
            Instant.now());
    try (ApiLogSink sink = new ApiLogSink(api.url(), FakeApi.TOKEN, 10)) {
      sink.log("demo", odd);

      Await.until("the line at the api", Duration.ofSeconds(10), () -> !api.logLines.isEmpty());
    }
    assertThat(api.logLines).hasSize(1);
    assertThat(api.logLines.get(0).get("message").asText())
        .isEqualTo(odd.format().replace('\n', '?'))
        .contains("path=\"/caf\u00e9/\uD83D\uDE80\"");
  }

  @Test
  void dropsAndCountsLinesWithoutBlockingWhileTheApiIsDown() throws Exception {
    String nowhere = "http://" + RouterHarness.refusingAddress();
    try (ApiLogSink sink = new ApiLogSink(nowhere, FakeApi.TOKEN, 100)) {
      long start = System.nanoTime();
      for (int i = 0; i < 5000; i++) sink.log("demo", line(i));
      Duration spent = Duration.ofNanos(System.nanoTime() - start);

      assertThat(spent).as("logging never waits for the api").isLessThan(Duration.ofSeconds(1));
      // What survives: the sender's batch (it takes a buffer only while it holds under 500 lines,
      // so at
      // most 499 plus the 100 it took) and one full buffer. The rest is counted.
      assertThat(sink.dropped()).isGreaterThanOrEqualTo(5000 - 499 - 100 - 100);
    }
  }

  @Test
  void aRequestThroughTheRouterEndsUpInItsAppsLog() throws Exception {
    try (TestBackend dyno = TestBackend.start("web");
        Router router =
            new Router(
                RouterConfig.from(
                    Map.of("hoist.router.port", "0", "hoist.router.bind", "127.0.0.1")),
                new StaticRouteSource(Tables.of(app("demo", up("web.1", dyno)))),
                new ApiLogSink(api.url(), FakeApi.TOKEN, 1000))) {
      int port = router.start();
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/logged"))
                  .header("Host", "demo.localhost")
                  .build(),
              HttpResponse.BodyHandlers.discarding());

      Await.until(
          "the router's line at the api", Duration.ofSeconds(10), () -> !api.logLines.isEmpty());
    }
    assertThat(api.logLines.get(0).get("app").asText()).isEqualTo("demo");
    assertThat(api.logLines.get(0).get("message").asText())
        .startsWith("at=info method=GET path=\"/logged\"");
  }
}
