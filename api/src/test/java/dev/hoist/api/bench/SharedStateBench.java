package dev.hoist.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.api.state.StateRevision;
import dev.hoist.api.support.ApiProcess;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two api processes on one (embedded) database, as {@code hoist-api}'s dynos run:
 *
 * <ul>
 *   <li>how long a change made through api A takes to answer a watch long-polling on api B ({@code
 *       /internal/state} after a config change, {@code /internal/routes} after a maintenance
 *       toggle), from the moment the change's request was sent;
 *   <li>log intake on api A, in lines per second, through POSTs of 1,000-line batches (the JSON
 *       form to one app; the text form, as the router sends it, across 20 apps), from 1 and 4
 *       senders.
 * </ul>
 *
 * <p>Run by {@code bench/api-processes.sh}, which can also run it against an older commit.
 */
public final class SharedStateBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROUNDS = 40;
  private static final int INTAKE_SECONDS = 10;
  private static final int BATCH = 1000;

  private SharedStateBench() {}

  public static void main(String[] args) throws Exception {
    Path blobs = Files.createTempDirectory("hoist-bench-blobs");
    try (ApiProcess a = ApiProcess.start(blobs, "5s");
        ApiProcess b = ApiProcess.start(blobs, "5s")) {
      List<String> apps = new ArrayList<>();
      for (int i = 0; i < 20; i++)
        apps.add(create(a, "bench" + i + "-" + System.nanoTime() % 100000));
      writes(a, apps.get(1));
      watches(a, b, apps.get(0));
      intake(a, apps);
    }
    System.exit(0);
  }

  /** The cost of a write alone, with no watcher: each config set makes a release. */
  private static void writes(ApiProcess a, String app) {
    List<long[]> took = new ArrayList<>();
    for (int i = 0; i < 2 * ROUNDS + 20; i++) {
      long start = System.nanoTime();
      a.admin().patch("/apps/" + app + "/config-vars", Map.of("W", i + "-" + start));
      long micros = (System.nanoTime() - start) / 1000;
      if (i >= 20) took.add(new long[] {micros, micros});
    }
    System.out.println(
        "a config set through A, alone, ms (" + 2 * ROUNDS + " in a row): " + percentiles(took, 0));
  }

  private static void watches(ApiProcess a, ApiProcess b, String app) throws Exception {
    System.out.println(
        "a change made through A -> a watch answers, ms from sending the change ("
            + ROUNDS
            + " rounds; the change's own request in brackets):");
    for (ApiProcess watcher : List.of(b, a)) {
      String where = watcher == b ? "on B (the other process)" : "on A (the same process) ";
      List<long[]> state = new ArrayList<>();
      List<long[]> routes = new ArrayList<>();
      List<long[]> woken = new ArrayList<>();
      StateRevision revision = watcher.bean(StateRevision.class);
      for (int round = 0; round < ROUNDS + 5; round++) {
        String value = round + "-" + System.nanoTime(); // a value set again makes no change
        long[] s =
            wake(
                watcher,
                "/internal/state",
                () -> a.admin().patch("/apps/" + app + "/config-vars", Map.of("N", value)));
        long[] r =
            wake(
                watcher,
                "/internal/routes",
                () -> a.admin().patch("/apps/" + app, Map.of("maintenance", true)));
        a.admin().patch("/apps/" + app, Map.of("maintenance", false));
        long[] w =
            awake(
                revision,
                () -> a.admin().patch("/apps/" + app + "/config-vars", Map.of("N", value + "w")));
        if (round >= 5) { // the first rounds warm the JIT up
          state.add(s);
          routes.add(r);
          woken.add(w);
        }
      }
      System.out.println(
          "  " + where + " a waiter in StateRevision wakes:   " + percentiles(woken));
      System.out.println("  " + where + " /internal/state, config set:      " + percentiles(state));
      System.out.println(
          "  " + where + " /internal/routes, maintenance on: " + percentiles(routes));
    }
  }

  /**
   * Microseconds from sending the change until the watch answered, and until the change's own
   * request answered.
   */
  private static long[] wake(ApiProcess watcher, String path, Runnable change) throws Exception {
    long since = get(watcher, path).get("revision").asLong();
    AtomicLong answered = new AtomicLong();
    CompletableFuture<Void> watch =
        CompletableFuture.runAsync(
            () -> {
              long revision =
                  get(watcher, path + "?since=" + since + "&wait=30").get("revision").asLong();
              answered.set(System.nanoTime());
              if (revision <= since) throw new IllegalStateException(path + " did not move");
            });
    Thread.sleep(150); // the watch must be parked before the change is made
    long sent = System.nanoTime();
    change.run();
    long changed = System.nanoTime();
    watch.get();
    return new long[] {(answered.get() - sent) / 1000, (changed - sent) / 1000};
  }

  /** As {@link #wake}, for a thread waiting in the revision itself: no HTTP, no snapshot. */
  private static long[] awake(StateRevision revision, Runnable change) throws Exception {
    long since = revision.current();
    AtomicLong woke = new AtomicLong();
    CompletableFuture<Void> waiter =
        CompletableFuture.runAsync(
            () -> {
              try {
                long now = revision.awaitPast(since, 30_000);
                woke.set(System.nanoTime());
                if (now <= since) throw new IllegalStateException("the revision did not move");
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(150);
    long sent = System.nanoTime();
    change.run();
    long changed = System.nanoTime();
    waiter.get();
    return new long[] {(woke.get() - sent) / 1000, (changed - sent) / 1000};
  }

  private static void intake(ApiProcess a, List<String> apps) throws Exception {
    StringBuilder json = new StringBuilder("[");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < BATCH; i++) {
      String time = Instant.now().toString();
      String message = "at=info method=GET path=\"/items/" + i + "\" status=200 bytes=512";
      if (i > 0) json.append(',');
      json.append(
          JSON.writeValueAsString(
              Map.of(
                  "app",
                  apps.get(0),
                  "source",
                  "app",
                  "dyno",
                  "web.1",
                  "time",
                  time,
                  "message",
                  message)));
      text.append(apps.get(i % apps.size())).append(' ').append(time).append(' ');
      text.append(message).append('\n');
    }
    json.append(']');
    System.out.println("log intake on A, lines/s (" + BATCH + "-line batches):");
    for (int senders : new int[] {1, 4}) {
      String j = rate(a, "/internal/logs", "application/json", json.toString(), senders);
      String t =
          rate(
              a, "/internal/logs?source=hoist&dyno=router", "text/plain", text.toString(), senders);
      System.out.println(
          "  " + senders + " sender(s): JSON, one app " + j + "; text, 20 apps " + t);
    }
  }

  private static String rate(ApiProcess a, String path, String type, String body, int senders)
      throws Exception {
    rateOnce(a, path, type, body, senders, 3); // warm-up
    return rateOnce(a, path, type, body, senders, INTAKE_SECONDS);
  }

  private static String rateOnce(
      ApiProcess a, String path, String type, String body, int senders, int seconds)
      throws Exception {
    AtomicLong lines = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      all.add(
          CompletableFuture.runAsync(
              () -> {
                HttpClient client = HttpClient.newHttpClient();
                HttpRequest req =
                    HttpRequest.newBuilder(URI.create(a.base() + path))
                        .header("Authorization", "Bearer " + ApiTest.COMPONENT_TOKEN)
                        .header("Content-Type", type + "; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                while (System.nanoTime() < end) {
                  try {
                    HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) throw new IllegalStateException(r.body());
                    lines.addAndGet(JSON.readTree(r.body()).get("accepted").asLong());
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }
              }));
    }
    for (CompletableFuture<Void> f : all) f.get();
    return String.format("%,d", lines.get() / seconds);
  }

  private static String create(ApiProcess a, String name) {
    Http.Response made = a.admin().post("/apps", Map.of("name", name));
    if (made.status() != 201) throw new IllegalStateException(made.toString());
    return name;
  }

  private static JsonNode get(ApiProcess api, String path) {
    Http.Response r = api.component().get(path);
    if (r.status() != 200) throw new IllegalStateException(r.toString());
    return r.json();
  }

  /** p50, p90 and max of the first of each pair, with the second's in brackets. */
  private static String percentiles(List<long[]> pairs) {
    return percentiles(pairs, 0) + "  (" + percentiles(pairs, 1) + ")";
  }

  private static String percentiles(List<long[]> pairs, int which) {
    List<Long> sorted = new ArrayList<>();
    for (long[] p : pairs) sorted.add(p[which]);
    Collections.sort(sorted);
    return String.format(
        "p50 %.1f  p90 %.1f  max %.1f",
        sorted.get(sorted.size() / 2) / 1000.0,
        sorted.get(sorted.size() * 9 / 10) / 1000.0,
        sorted.get(sorted.size() - 1) / 1000.0);
  }
}
