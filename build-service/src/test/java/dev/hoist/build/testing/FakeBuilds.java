package dev.hoist.build.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.hoist.build.testing.FakeApi.App;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The fake api's builds. The gateway's side: builds created by pushes, whose output stream runs a
 * {@link Script} the test wrote, so a test decides what the pusher sees and when. The builder's side:
 * a queue of jobs, and a record of every output line, slug and finish a slug compiler sends.
 */
public final class FakeBuilds {
  /** What a build prints (one {@code line} call per line, flushed at once) and how it ends. */
  @FunctionalInterface
  public interface Script {
    Result run(Output out) throws Exception;
  }

  @FunctionalInterface
  public interface Output {
    void line(String text) throws IOException;
  }

  public record Result(String status, Integer releaseVersion) {
    public static Result succeeded(int version) {
      return new Result("succeeded", version);
    }

    public static Result failed() {
      return new Result("failed", null);
    }
  }

  /** A build created by a push, as the fake saw it. */
  public static final class Created {
    public final String id = UUID.randomUUID().toString();
    public final App app;
    public final JsonNode request;
    public volatile String status = "pending";
    public volatile Integer releaseVersion;

    Created(App app, JsonNode request) {
      this.app = app;
      this.request = request;
    }
  }

  private final FakeApi api;
  public static final Script SUCCEEDS = out -> {
    out.line("-----> Building on the test stack");
    return Result.succeeded(1);
  };
  public volatile Script script = SUCCEEDS;
  public final List<Created> created = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Map<String, Object>> jobs = new LinkedBlockingQueue<>();
  public final Map<String, List<String>> output = new ConcurrentHashMap<>();
  public final Map<String, JsonNode> slugs = new ConcurrentHashMap<>();
  public final Map<String, JsonNode> finished = new ConcurrentHashMap<>();

  FakeBuilds(FakeApi api) {
    this.api = api;
  }

  void appCall(HttpExchange ex, App app, String method, String id) throws IOException {
    if (method.equals("POST") && id == null) {
      Created b = new Created(app, FakeApi.body(ex));
      created.add(b);
      FakeApi.send(ex, 201, view(b));
      return;
    }
    Created b = created.stream().filter(c -> c.id.equals(id)).findFirst().orElse(null);
    if (b == null) FakeApi.send(ex, 404, Map.of("id", "not_found", "message", "no such build"));
    else FakeApi.send(ex, 200, view(b));
  }

  private Map<String, Object> view(Created b) {
    Map<String, Object> v = new HashMap<>();
    v.put("id", b.id);
    v.put("app", Map.of("id", b.app.id(), "name", b.app.name()));
    v.put("status", b.status);
    v.put("output_stream_url", api.url() + "/streams/" + b.id);
    v.put("release", b.releaseVersion == null ? null : Map.of("id", UUID.randomUUID().toString(), "version", b.releaseVersion));
    return v;
  }

  /** The output stream: the script runs as the gateway reads; the build ends when the stream does. */
  void stream(HttpExchange ex, String id) throws IOException {
    Created b = created.stream().filter(c -> c.id.equals(id)).findFirst().orElseThrow();
    b.status = "building";
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    ex.sendResponseHeaders(200, 0);
    OutputStream out = ex.getResponseBody();
    Result result;
    try {
      Output lines = text -> {
        out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      };
      result = script == BY_A_COMPILER ? byACompiler(b, lines) : script.run(lines);
    } catch (Exception e) {
      result = Result.failed();
    }
    b.releaseVersion = result.releaseVersion();
    b.status = result.status();
    out.close();
  }

  /** As the api does: the build is queued for a slug compiler, whose output and finish are relayed. */
  public static final Script BY_A_COMPILER = out -> {
    throw new IllegalStateException("handled by the fake itself");
  };

  private Result byACompiler(Created b, Output out) throws Exception {
    Map<String, Object> job = new HashMap<>();
    job.put("id", b.id);
    job.put("app", Map.of("id", b.app.id(), "name", b.app.name()));
    job.put("source_url", b.request.at("/source_blob/url").asText());
    job.put("version", b.request.at("/source_blob/version").asText());
    job.put("cache_get_url", api.blobUrl("caches/" + b.app.id() + ".tgz"));
    job.put("cache_put_url", api.blobUrl("caches/" + b.app.id() + ".tgz"));
    job.put("env", Map.of());
    job.put("buildpacks", List.of());
    job.put("stack", "heroku-24-hoist");
    job.put("timeout_seconds", 120);
    job.put("max_slug_bytes", 50L * 1024 * 1024);
    enqueue(job);
    int sent = 0;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      boolean done = finished.containsKey(b.id); // read before the lines: finish comes after the last line
      List<String> lines = output.get(b.id);
      while (sent < lines.size()) out.line(lines.get(sent++));
      if (done) {
        boolean ok = "succeeded".equals(finished.get(b.id).path("status").asText());
        return ok ? Result.succeeded(1) : Result.failed();
      }
      synchronized (this) {
        wait(50);
      }
    }
    return Result.failed();
  }

  // --- the builder's side ---

  public void enqueue(Map<String, Object> job) {
    output.put((String) job.get("id"), new CopyOnWriteArrayList<>());
    jobs.add(job);
  }

  void builderCall(HttpExchange ex, String rest) throws IOException {
    if (rest.equals("claim")) {
      int wait = Integer.parseInt(FakeApi.query(ex).getOrDefault("wait", "0"));
      Map<String, Object> job;
      try {
        job = jobs.poll(wait, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        job = null;
      }
      FakeApi.send(ex, job == null ? 204 : 200, job);
      return;
    }
    String[] parts = rest.split("/");
    String id = parts[0];
    switch (parts[1]) {
      case "output" -> {
        List<String> lines = FakeApi.lines(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        output.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).addAll(lines);
        FakeApi.send(ex, 200, Map.of("lines", lines.size()));
      }
      case "slug" -> {
        String slugId = UUID.randomUUID().toString();
        slugs.put(id, FakeApi.body(ex));
        FakeApi.send(ex, 201, Map.of("id", slugId, "put_url", api.blobUrl("slugs/" + slugId + ".tgz")));
      }
      case "finish" -> {
        JsonNode body = FakeApi.body(ex);
        synchronized (this) {
          finished.put(id, body);
          notifyAll();
        }
        FakeApi.send(ex, 200, Map.of("status", body.path("status").asText()));
      }
      default -> FakeApi.send(ex, 404, Map.of("id", "not_found", "message", "no route"));
    }
  }

  /** The finish a compiler sent for this build, waiting up to {@code limit} for it. */
  public synchronized JsonNode awaitFinish(String buildId, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!finished.containsKey(buildId)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) throw new AssertionError("build " + buildId + " was not finished within " + limit);
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return finished.get(buildId);
  }
}
