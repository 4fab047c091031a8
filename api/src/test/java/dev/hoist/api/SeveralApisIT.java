package dev.hoist.api;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiProcess;
import dev.hoist.api.support.Http;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two api processes on one database behave as one (issue 14: {@code hoist-api} runs as several
 * dynos behind one address, and any of them may answer any request). Their waiters re-read the
 * database only once a minute here, so whatever reaches process B within the test's deadlines came
 * through PostgreSQL's notices, not a re-read.
 */
class SeveralApisIT {
  private static final String SLOW_FALLBACK = "60s";
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

  private static Path blobs;
  private static ApiProcess a;
  private static ApiProcess b;

  @BeforeAll
  static void startTwoApis() throws IOException {
    blobs = Files.createTempDirectory("hoist-shared-blobs");
    a = ApiProcess.start(blobs, SLOW_FALLBACK);
    b = ApiProcess.start(blobs, SLOW_FALLBACK);
  }

  @AfterAll
  static void stopThem() {
    if (a != null) a.close();
    if (b != null) b.close();
  }

  @Test
  void aLogLinePostedToOneApiIsInTheOthersHistoryAndReachesATailOpenedThere() throws Exception {
    String app = newApp("twologs");
    try (Tail tail = new Tail(session(b, app, Map.of("tail", true, "lines", 0)))) {
      send(a, app, "one");
      send(b, app, "two");
      send(a, app, "three");

      assertThat(List.of(tail.next(), tail.next(), tail.next()))
          .as("in the order posted, whichever api took them")
          .satisfiesExactly(
              l -> assertThat(l).endsWith("app[web.1]: one"),
              l -> assertThat(l).endsWith("app[web.1]: two"),
              l -> assertThat(l).endsWith("app[web.1]: three"));
      send(b, app, "four");
      assertThat(tail.next()).as("and nothing twice").endsWith("app[web.1]: four");
    }
    String history = read(session(b, app, Map.of("lines", 100)));
    assertThat(history.lines().filter(l -> l.contains("app[web.1]")))
        .containsExactly(
            "2026-11-21T23:35:40.123456+00:00 app[web.1]: one",
            "2026-11-21T23:35:40.123456+00:00 app[web.1]: two",
            "2026-11-21T23:35:40.123456+00:00 app[web.1]: three",
            "2026-11-21T23:35:40.123456+00:00 app[web.1]: four");
  }

  @Test
  void aLogSessionMadeOnOneApiStreamsOnTheOtherOnce() {
    String app = newApp("twosessions");
    send(a, app, "made on a, read on b");
    String url = session(a, app, Map.of("lines", 10));

    HttpResponse<byte[]> onB = Http.getBytes(b.here(url));
    assertThat(onB.statusCode()).isEqualTo(200);
    assertThat(new String(onB.body(), StandardCharsets.UTF_8)).contains("made on a, read on b");
    assertThat(Http.getBytes(url).statusCode())
        .as("single-use on every api process")
        .isEqualTo(404);
  }

  @Test
  void aBuildsLiveOutputPostedOnOneApiIsFollowedOnTheOther() throws Exception {
    String app = newApp("twobuilds");
    Http.Response made =
        a.admin()
            .post(
                "/apps/" + app + "/builds",
                Map.of("source_blob", Map.of("url", "http://127.0.0.1:1/source.tgz")));
    assertThat(made.status()).as("%s", made).isEqualTo(201);
    String id = made.json().get("id").asText();
    String outputUrl = made.json().get("output_stream_url").asText();
    claim(a, id);

    try (Tail follower = new Tail(b.here(outputUrl))) {
      output(a, id, "-----> Building on a\n");
      assertThat(follower.next()).isEqualTo("-----> Building on a");
      output(b, id, "       and on b\n");
      assertThat(follower.next()).isEqualTo("       and on b");
      ok(
          a.component()
              .post(
                  "/internal/builds/" + id + "/finish",
                  Map.of("status", "failed", "message", "stopped by the test")));
      assertThat(follower.end()).as("the stream ends with the build").isTrue();
    }
    assertThat(new String(Http.getBytes(b.here(outputUrl)).body(), StandardCharsets.UTF_8))
        .isEqualTo("-----> Building on a\n       and on b\n");
  }

  @Test
  void aStateChangeOnOneApiWakesAWatchLongPollingOnTheOther() throws Exception {
    String app = newApp("twowatch");
    long before = ok(b.component().get("/internal/state")).get("revision").asLong();
    long routesBefore = ok(b.component().get("/internal/routes")).get("revision").asLong();
    CompletableFuture<JsonNode> state =
        CompletableFuture.supplyAsync(
            () -> ok(b.component().get("/internal/state?since=" + before + "&wait=60")));
    CompletableFuture<JsonNode> routes =
        CompletableFuture.supplyAsync(
            () -> ok(b.component().get("/internal/routes?since=" + routesBefore + "&wait=60")));

    ok(a.admin().patch("/apps/" + app + "/config-vars", Map.of("WOKEN", "yes")));
    ok(a.admin().patch("/apps/" + app, Map.of("maintenance", true)));

    // Well before the watches' 60 s, and the minute B's waiters would take to re-read on their own.
    assertThat(state.get(30, SECONDS).get("revision").asLong()).isGreaterThan(before);
    assertThat(routes.get(30, SECONDS).get("revision").asLong()).isGreaterThan(routesBefore);
  }

  @Test
  void watchesStillWakeWhenTheNoticeConnectionsAreCutAndAfterTheyComeBack() throws Exception {
    String app = newApp("cut");
    JdbcTemplate db = a.bean(JdbcTemplate.class);
    List<Integer> cut =
        db.queryForList(
            "select pid from pg_stat_activity where application_name = ?", Integer.class, LISTENER);
    assertThat(cut).as("every api process listens").isNotEmpty();

    long before = ok(b.component().get("/internal/state")).get("revision").asLong();
    CompletableFuture<JsonNode> watch =
        CompletableFuture.supplyAsync(
            () -> ok(b.component().get("/internal/state?since=" + before + "&wait=60")));
    db.query("select pg_terminate_backend(pid) from unnest(?::int[]) pid", rs -> {}, array(cut));
    ok(a.admin().patch("/apps/" + app + "/config-vars", Map.of("CUT", "while cut")));
    assertThat(watch.get(30, SECONDS).get("revision").asLong())
        .as("a change made while B was not listening still wakes its watch")
        .isGreaterThan(before);

    long deadline = System.currentTimeMillis() + 30_000;
    while (listeners(db, cut) < cut.size() && System.currentTimeMillis() < deadline)
      Thread.sleep(100);
    assertThat(listeners(db, cut)).as("every api process listens again").isEqualTo(cut.size());
    long after = ok(b.component().get("/internal/state")).get("revision").asLong();
    CompletableFuture<JsonNode> again =
        CompletableFuture.supplyAsync(
            () -> ok(b.component().get("/internal/state?since=" + after + "&wait=60")));
    ok(a.admin().patch("/apps/" + app + "/config-vars", Map.of("CUT", "back")));
    assertThat(again.get(30, SECONDS).get("revision").asLong()).isGreaterThan(after);
  }

  @Test
  void historySurvivesARestartOfAnApi() {
    String app = newApp("restart");
    send(b, app, "before the restart");
    b.close();
    b = ApiProcess.start(blobs, SLOW_FALLBACK);

    assertThat(read(session(b, app, Map.of("lines", 10)))).contains("before the restart");
  }

  // --- helpers

  /** The application name of each api process's listening connection. */
  private static final String LISTENER = "hoist-api notifications";

  /** Listening connections other than the {@code cut} ones. */
  private static int listeners(JdbcTemplate db, List<Integer> cut) {
    return db.queryForObject(
        "select count(*) from pg_stat_activity where application_name = ?"
            + " and not (pid = any(?::int[]))",
        Integer.class,
        LISTENER,
        array(cut));
  }

  private static String array(List<Integer> pids) {
    return pids.toString().replace('[', '{').replace(']', '}');
  }

  private static String newApp(String prefix) {
    String name = prefix + "-" + RUN + SEQ.incrementAndGet();
    Http.Response made = a.admin().post("/apps", Map.of("name", name));
    assertThat(made.status()).as("%s", made).isEqualTo(201);
    return name;
  }

  private static void send(ApiProcess api, String app, String message) {
    ok(
        api.component()
            .post(
                "/internal/logs",
                List.of(
                    Map.of(
                        "app",
                        app,
                        "source",
                        "app",
                        "dyno",
                        "web.1",
                        "time",
                        "2026-11-21T23:35:40.123456Z",
                        "message",
                        message))));
  }

  private static String session(ApiProcess api, String app, Map<String, Object> body) {
    Http.Response made = api.admin().post("/apps/" + app + "/log-sessions", body);
    assertThat(made.status()).as("%s", made).isEqualTo(201);
    return made.json().get("logplex_url").asText();
  }

  private static String read(String url) {
    HttpResponse<byte[]> r = Http.getBytes(url);
    assertThat(r.statusCode()).isEqualTo(200);
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** Claims builds on {@code api} until this one comes up; others met on the way are failed. */
  private static void claim(ApiProcess api, String id) {
    for (int i = 0; i < 50; i++) {
      Http.Response r = api.component().post("/internal/builds/claim?wait=5", Map.of());
      assertThat(r.status()).as("%s", r).isIn(200, 204);
      if (r.status() == 200 && r.json().get("id").asText().equals(id)) return;
      if (r.status() == 200) {
        api.component()
            .post(
                "/internal/builds/" + r.json().get("id").asText() + "/finish",
                Map.of("status", "failed", "message", "skipped"));
      }
    }
    throw new AssertionError("build " + id + " was never claimed");
  }

  private static void output(ApiProcess api, String id, String text) {
    ok(
        api.component()
            .with("Content-Type", "text/plain")
            .post("/internal/builds/" + id + "/output", text));
  }

  private static JsonNode ok(Http.Response response) {
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    return response.json();
  }

  /** A streamed text answer read line by line on a thread of its own, each line awaited. */
  private static final class Tail implements AutoCloseable {
    @SuppressWarnings("StringOperationCanBeSimplified") // a marker no streamed line can be
    private static final String END = new String("end of stream");

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final HttpResponse<java.io.InputStream> response;
    private final Thread reader;

    Tail(String url) throws IOException, InterruptedException {
      response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      reader = new Thread(this::read, "test-tail");
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) lines.add(line);
      } catch (IOException e) {
        // closed by the test
      }
      lines.add(END);
    }

    /** The next line; fails when none comes within 30 s. */
    String next() throws InterruptedException {
      String line = lines.poll(30, SECONDS);
      assertThat(line).as("a line within 30 s").isNotNull();
      assertThat(line).as("a line before the stream ended").isNotSameAs(END);
      return line;
    }

    /** Whether the stream ends (with no more lines) within 30 s. */
    boolean end() throws InterruptedException {
      List<String> rest = new ArrayList<>();
      for (String line = lines.poll(30, SECONDS); line != null; line = lines.poll(30, SECONDS)) {
        if (line == END) return rest.isEmpty();
        rest.add(line);
      }
      return false;
    }

    @Override
    public void close() throws IOException {
      response.body().close();
    }
  }
}
