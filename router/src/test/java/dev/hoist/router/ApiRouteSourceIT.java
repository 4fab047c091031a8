package dev.hoist.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.internal.Watch;
import dev.hoist.router.route.ApiRouteSource;
import dev.hoist.router.route.Routes;
import dev.hoist.router.support.Await;
import dev.hoist.router.support.CapturedLogs;
import dev.hoist.router.support.FakeApi;
import dev.hoist.router.support.LeakWatch;
import dev.hoist.router.support.TestBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real route source against a fake api: long-polling, token, and an api that goes away. */
@ExtendWith(LeakWatch.class)
class ApiRouteSourceIT {
  private static final Duration SOON = Duration.ofSeconds(5);
  private TestBackend dyno;
  private FakeApi api;
  private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
  private final Logger sourceLog =
      Logger.getLogger(Watch.class.getName()); // the route source's long poll
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) warnings.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void start() throws Exception {
    dyno = TestBackend.start("web");
    api = new FakeApi(0, 1, apps("demo"));
    sourceLog.addHandler(capture);
  }

  @AfterEach
  void stop() {
    sourceLog.removeHandler(capture);
    api.close();
    dyno.close();
  }

  private String apps(String name) {
    return "[{\"name\":\""
        + name
        + "\",\"hosts\":[\""
        + name
        + ".localhost\"],\"web_quantity\":1,\"dynos\":"
        + "[{\"name\":\"web.1\",\"address\":\""
        + dyno.address()
        + "\",\"state\":\"up\",\"routable\":true,"
        + "\"release_version\":7}]}]";
  }

  @Test
  void installsTheApisTableAndLongPollsForChanges() {
    Routes routes = new Routes();
    try (ApiRouteSource source = new ApiRouteSource(api.url(), FakeApi.TOKEN, "localhost")) {
      source.start(routes);
      Await.until("the first table", SOON, () -> routes.table().revision() == 1);
      assertThat(routes.table().forHost("demo.localhost").serving()).hasSize(1);
      Await.until(
          "a long poll to be waiting", SOON, () -> api.routeQueries.contains("since=1&wait=30"));

      api.setRoutes(2, apps("renamed"));

      Await.until("the change to arrive", SOON, () -> routes.table().revision() == 2);
      assertThat(routes.table().forHost("demo.localhost")).isNull();
      assertThat(routes.table().forHost("renamed.localhost")).isNotNull();
    }
    assertThat(api.routeQueries.get(0)).as("the first ask answers at once").isEmpty();
  }

  @Test
  void keepsServingTheLastTableWhileTheApiIsDownAndLogsTheOutageOnce() throws Exception {
    int port = api.port();
    RouterConfig config =
        RouterConfig.from(
            Map.of(
                "hoist.router.port",
                "0",
                "hoist.router.bind",
                "127.0.0.1",
                "hoist.router.api-url",
                api.url(),
                "hoist.router.component-token",
                FakeApi.TOKEN));
    try (Router router =
        new Router(
            config,
            new ApiRouteSource(api.url(), FakeApi.TOKEN, "localhost"),
            new CapturedLogs())) {
      int routerPort = router.start();
      Await.until("the first table", SOON, () -> router.routes().table().revision() == 1);
      assertThat(get(routerPort)).isEqualTo(200);

      api.failWith = 500;
      api.wake(); // the waiting poll answers 500
      Await.until("three failed polls", Duration.ofSeconds(15), () -> api.failures.get() >= 3);
      api.close();

      assertThat(get(routerPort)).as("still routed from the last table").isEqualTo(200);
      assertThat(router.routes().table().revision()).isEqualTo(1);
      assertThat(warnings).as("one warning per outage, not per attempt").hasSize(1);
      assertThat(warnings.get(0).getMessage()).contains("keeping the last");

      api = new FakeApi(port, 9, apps("demo"));
      Await.until(
          "the table after the outage",
          Duration.ofSeconds(20),
          () -> router.routes().table().revision() == 9);
      assertThat(get(routerPort)).isEqualTo(200);
    }
  }

  @Test
  void refusesToLearnRoutesWithAWrongToken() {
    Routes routes = new Routes();
    try (ApiRouteSource source = new ApiRouteSource(api.url(), "wrong", "localhost")) {
      source.start(routes);
      Await.until("the refusal to be logged", SOON, () -> !warnings.isEmpty());
    }
    assertThat(routes.table().loaded()).isFalse();
    assertThat(warnings.get(0).getParameters())
        .anySatisfy(p -> assertThat(String.valueOf(p)).contains("401"));
  }

  private static int get(int port) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Host", "demo.localhost")
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
