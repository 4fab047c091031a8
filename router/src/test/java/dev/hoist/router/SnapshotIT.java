package dev.hoist.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.internal.WireJson;
import dev.hoist.internal.routes.RouteSnapshot;
import dev.hoist.router.route.ApiRouteSource;
import dev.hoist.router.route.SnapshotFile;
import dev.hoist.router.support.Await;
import dev.hoist.router.support.CapturedLogs;
import dev.hoist.router.support.FakeApi;
import dev.hoist.router.support.LeakWatch;
import dev.hoist.router.support.TestBackend;
import dev.hoist.router.support.Warnings;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route snapshot: what a router saves of the api's tables, and how a router started while the
 * api is away serves from it.
 */
@ExtendWith(LeakWatch.class)
class SnapshotIT {
  private static final System.Logger LOG = System.getLogger(SnapshotIT.class.getName());
  private static final Duration SOON = Duration.ofSeconds(10);
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  @TempDir Path dir;

  @Test
  void aRouterRestartedWhileTheApiIsDownRoutesFromTheSnapshotOfTheLastTable() throws Exception {
    Path file = dir.resolve("routes.json");
    try (TestBackend dyno = TestBackend.start("web")) {
      String apiUrl;
      try (FakeApi api = new FakeApi(0, 4, apps("demo", dyno));
          Router first = router(api.url(), file)) {
        apiUrl = api.url();
        first.start();
        Await.until("the first table on disk", SOON, () -> revisionOnDisk(file) == 4);

        api.setRoutes(5, apps("renamed", dyno));

        Await.until("the change on disk", SOON, () -> revisionOnDisk(file) == 5);
      }
      // Nothing answers at the api's address now.
      long restarted = System.nanoTime();
      try (Router second = router(apiUrl, file)) {
        int port = second.start();
        int status = get(port, "renamed.localhost");
        long ms = Duration.ofNanos(System.nanoTime() - restarted).toMillis();
        LOG.log(
            Level.INFO,
            "restart to the first routed request, from the snapshot with the api down: {0} ms",
            ms);

        assertThat(status).isEqualTo(200);
        assertThat(get(port, "demo.localhost")).as("the older table is gone").isEqualTo(404);
        assertThat(second.routes().table().revision()).isEqualTo(5);
      }
    }
  }

  @Test
  void theApisFirstAnswerReplacesTheSnapshotWhateverItsRevision() throws Exception {
    Path file = dir.resolve("routes.json");
    try (TestBackend dyno = TestBackend.start("web");
        FakeApi api = new FakeApi(0, 3, apps("demo", dyno))) {
      Files.writeString(file, "{\"revision\": 100, \"apps\": " + apps("old", dyno) + "}");
      api.failWith = 503;
      try (Router router = router(api.url(), file)) {
        int port = router.start();
        assertThat(get(port, "old.localhost")).as("from the snapshot").isEqualTo(200);
        Await.until("the api to be asked", SOON, () -> api.failures.get() >= 1);

        api.failWith = 0;

        Await.until("the api's table", SOON, () -> router.routes().table().revision() == 3);
        assertThat(get(port, "demo.localhost")).isEqualTo(200);
        assertThat(get(port, "old.localhost")).isEqualTo(404);
        Await.until("the api's table on disk", SOON, () -> revisionOnDisk(file) == 3);
      }
    }
  }

  @Test
  void aCorruptSnapshotIsLoggedAndIgnored() throws Exception {
    Path file = dir.resolve("routes.json");
    try (TestBackend dyno = TestBackend.start("web");
        FakeApi api = new FakeApi(0, 2, apps("demo", dyno));
        Warnings warnings = Warnings.of(SnapshotFile.class)) {
      Files.writeString(file, "{\"revision\": 7, \"apps\": [{\"name\": \"demo\", \"hosts\": [");
      api.failWith = 503;
      try (Router router = router(api.url(), file)) {
        router.start();
        Await.until("the api to be asked", SOON, () -> api.failures.get() >= 1);

        assertThat(router.routes().table().loaded()).as("no table from the snapshot").isFalse();
        assertThat(warnings.messages())
            .singleElement()
            .asString()
            .contains(file.toString())
            .contains("no route table");

        api.failWith = 0;

        Await.until("the api's table", SOON, () -> router.routes().table().revision() == 2);
        assertThat(get(router.port(), "demo.localhost")).isEqualTo(200);
        Await.until("a good snapshot in its place", SOON, () -> revisionOnDisk(file) == 2);
      }
    }
  }

  private static Router router(String apiUrl, Path snapshot) {
    RouterConfig config =
        RouterConfig.from(
            Map.of(
                "hoist.router.port", "0",
                "hoist.router.bind", "127.0.0.1",
                "hoist.router.threads", "2",
                "hoist.router.boot-wait", "5s"));
    return new Router(
        config,
        new ApiRouteSource(apiUrl, FakeApi.TOKEN, "localhost", new SnapshotFile(snapshot)),
        new CapturedLogs());
  }

  /** The revision of the table in the snapshot, or -1 while there is none or it is no table. */
  private static long revisionOnDisk(Path file) {
    try {
      RouteSnapshot table = WireJson.MAPPER.readValue(file.toFile(), RouteSnapshot.class);
      return table.complete() ? table.revision() : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private static String apps(String name, TestBackend dyno) {
    return "[{\"name\":\""
        + name
        + "\",\"hosts\":[],\"web_quantity\":1,\"dynos\":"
        + "[{\"name\":\"web.1\",\"address\":\""
        + dyno.address()
        + "\",\"state\":\"up\",\"routable\":true,\"release_version\":1}]}]";
  }

  private int get(int port, String host) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Host", host)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
