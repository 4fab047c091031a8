import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open-loop load generator: sends requests at a fixed rate whatever the server's speed (so a slow
 * answer cannot hide the next request's wait), and prints latency percentiles.
 *
 *   java bench/ApiLoad.java URL KEY METHOD RATE SECONDS [BODY]
 *
 * Latency is measured from the moment a request was due, not from when it was sent, so queueing in
 * the client counts against the server as it would for a real caller (no coordinated omission).
 */
public class ApiLoad {
  public static void main(String[] args) throws Exception {
    String url = args[0], key = args[1], method = args[2];
    int rate = Integer.parseInt(args[3]), seconds = Integer.parseInt(args[4]);
    String body = args.length > 5 ? args[5] : null;
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(16)).build();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    long start = System.nanoTime();
    long intervalNanos = 1_000_000_000L / rate;
    int total = rate * seconds;
    AtomicInteger sent = new AtomicInteger();
    ticker.scheduleAtFixedRate(() -> {
      int n = sent.getAndIncrement();
      if (n >= total) return;
      long due = start + n * intervalNanos;
      int i = n;
      String payload = body == null ? null : body.replace("%n", Integer.toString(i));
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
          .header("Authorization", "Bearer " + key).header("Accept", "application/vnd.heroku+json; version=3");
      if (payload != null) b.header("Content-Type", "application/json");
      b.method(method, payload == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(payload));
      inFlight.add(client.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
        latencies.add(System.nanoTime() - due);
        if (e != null || r.statusCode() >= 400) errors.incrementAndGet();
      }));
    }, 0, intervalNanos, TimeUnit.NANOSECONDS);
    while (sent.get() < total) Thread.sleep(50);
    ticker.shutdown();
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf("method=%s rate=%d/s requests=%d errors=%d achieved=%.0f/s p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
        method, rate, sorted.size(), errors.get(), sorted.size() / elapsed, pct(sorted, 50), pct(sorted, 90),
        pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
    System.exit(0);
  }

  static double pct(List<Long> sorted, double p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
  }
}
