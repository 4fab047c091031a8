package dev.hoist.router;

import static dev.hoist.router.support.Tables.app;
import static dev.hoist.router.support.Tables.up;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.router.route.AppRoute;
import dev.hoist.router.support.Await;
import dev.hoist.router.support.LeakWatch;
import dev.hoist.router.support.RawClient;
import dev.hoist.router.support.RouterHarness;
import dev.hoist.router.support.Tables;
import dev.hoist.router.support.TestBackend;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Request concurrency limiting: at most {@code max-in-flight} requests at a dyno from one event
 * loop; more wait in the app's backlog (as many per serving dyno), and past that the router answers
 * 503 H11. One event loop here, so the limit is the router's.
 */
@ExtendWith(LeakWatch.class)
class BacklogIT {
  private TestBackend dyno;
  private RouterHarness router;

  @BeforeEach
  void start() throws Exception {
    dyno = TestBackend.start("web1");
  }

  @AfterEach
  void stop() {
    if (router != null) router.close();
    dyno.close();
  }

  private void startRouter(String firstByteTimeout) throws InterruptedException {
    router =
        RouterHarness.start(
            Map.of(
                "hoist.router.max-in-flight",
                "2",
                "hoist.router.threads",
                "1",
                "hoist.router.first-byte-timeout",
                firstByteTimeout),
            Tables.of(app("demo", up("web.1", dyno))));
  }

  private CompletableFuture<HttpResponse<String>> send(String path) {
    return router.http.sendAsync(
        router.request("demo.localhost", path).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void queuesPastTheLimitAnswersH11PastTheBacklogAndServesTheQueuedOnTheSameConnections()
      throws Exception {
    startRouter("30s");
    List<CompletableFuture<HttpResponse<String>>> slow =
        List.of(send("/slow/3000"), send("/slow/3000"));
    Await.until(
        "both slow requests at the dyno", Duration.ofSeconds(10), () -> dyno.requests() == 2);

    // the backlog holds 2 (2 per serving dyno): of these three, one is refused at once
    List<CompletableFuture<HttpResponse<String>>> more = new ArrayList<>();
    for (int i = 0; i < 3; i++) more.add(send("/"));
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> f : more) statuses.add(f.get().statusCode());

    assertThat(statuses).containsExactlyInAnyOrder(200, 200, 503);
    assertThat(
            more.stream()
                .map(CompletableFuture::join)
                .filter(r -> r.statusCode() == 503)
                .findFirst()
                .orElseThrow()
                .body())
        .isEqualTo("Application error (H11: Backlog too deep)\n");
    assertThat(router.logs.await("code=H11").message())
        .startsWith("at=error code=H11 desc=\"Backlog too deep\" method=GET")
        .contains("dyno= connect= service= status=503");
    for (CompletableFuture<HttpResponse<String>> f : slow)
      assertThat(f.get().statusCode()).isEqualTo(200);
    assertThat(dyno.requests()).as("the refused one never reached the dyno").isEqualTo(4);
    assertThat(dyno.connections.get())
        .as("never more than 2 at once: the queued ones reused the freed connections")
        .isEqualTo(2);
  }

  @Test
  void waitingRequestsSeeTheAppGoIntoMaintenanceWithoutARequestEnding() throws Exception {
    startRouter("30s");
    List<CompletableFuture<HttpResponse<String>>> slow =
        List.of(send("/slow/8000"), send("/slow/8000"));
    Await.until("both at the dyno", Duration.ofSeconds(10), () -> dyno.requests() == 2);
    List<CompletableFuture<HttpResponse<String>>> queued = List.of(send("/"), send("/"));
    Await.until(
        "both in the backlog", Duration.ofSeconds(10), () -> router.router.backlogged() == 2);

    router.routes.set(
        Tables.of(
            AppRoute.of(
                "demo", List.of("demo.localhost"), true, false, List.of(up("web.1", dyno)))));

    // the first in the backlog looks again (the pool does once a second), fails, and passes the
    // turn on
    for (CompletableFuture<HttpResponse<String>> f : queued) {
      assertThat(f.get().body()).isEqualTo("Offline for maintenance (H80: Maintenance mode)\n");
    }
    assertThat(slow)
        .as("answered while both places were still held")
        .noneMatch(CompletableFuture::isDone);
  }

  @Test
  void aDynoAddedWhileRequestsWaitTakesThemWithoutWaitingForARequestToEnd() throws Exception {
    startRouter("30s");
    try (TestBackend second = TestBackend.start("web2")) {
      List<CompletableFuture<HttpResponse<String>>> slow =
          List.of(send("/slow/8000"), send("/slow/8000"));
      Await.until("both at the first dyno", Duration.ofSeconds(10), () -> dyno.requests() == 2);
      List<CompletableFuture<HttpResponse<String>>> queued = List.of(send("/"), send("/"));
      Await.until(
          "both in the backlog", Duration.ofSeconds(10), () -> router.router.backlogged() == 2);

      router.routes.set(Tables.of(app("demo", up("web.1", dyno), up("web.2", second))));

      for (CompletableFuture<HttpResponse<String>> f : queued)
        assertThat(f.get().body()).isEqualTo("hello from web2");
      assertThat(slow)
          .as("no request ended to wake them: the pool's once-a-second look did")
          .noneMatch(CompletableFuture::isDone);
      assertThat(dyno.requests()).isEqualTo(2);
    }
  }

  @Test
  void aQueuedRequestGetsH12AfterTheFirstByteTimeoutAndOneWhoseClientLeftLeavesTheBacklog()
      throws Exception {
    startRouter("1s");
    // two responses under way, held half sent: they keep their places at the dyno past the
    // first-byte timeout
    List<CompletableFuture<HttpResponse<String>>> held =
        List.of(send("/download/100000"), send("/download/100000"));
    Await.until(
        "both downloads started", Duration.ofSeconds(10), () -> dyno.downloaded.get() >= 100_000);

    try (Socket leaving =
        RawClient.send(router.port, "GET / HTTP/1.1\r\nHost: demo.localhost\r\n\r\n")) {
      Await.until(
          "the leaver in the backlog",
          Duration.ofSeconds(10),
          () -> router.router.backlogged() == 1);
    }
    router.logs.await("code=H27");
    // with the leaver still in it, one of these two would find the backlog full (H11)
    List<CompletableFuture<HttpResponse<String>>> queued = List.of(send("/"), send("/"));

    for (CompletableFuture<HttpResponse<String>> f : queued) {
      assertThat(f.get().statusCode()).isEqualTo(503);
      assertThat(f.get().body()).isEqualTo("Application error (H12: Request timeout)\n");
    }
    assertThat(router.logs.lines()).noneMatch(l -> l.message().contains("code=H11"));
    assertThat(router.logs.await("code=H12").message())
        .contains("dyno= connect= service= status=503");
    dyno.openGate();
    for (CompletableFuture<HttpResponse<String>> f : held)
      assertThat(f.get().body()).hasSize(100_000);
    assertThat(dyno.requests()).as("no queued request reached the dyno").isEqualTo(2);
  }
}
