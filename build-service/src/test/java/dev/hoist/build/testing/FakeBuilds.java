package dev.hoist.build.testing;

import static dev.hoist.internal.testing.FakeApiServer.error;
import static dev.hoist.internal.testing.FakeApiServer.ok;

import com.sun.net.httpserver.HttpExchange;
import dev.hoist.build.testing.FakeApi.App;
import dev.hoist.internal.builds.BuildRecords.Build;
import dev.hoist.internal.builds.BuildRecords.Finish;
import dev.hoist.internal.builds.BuildRecords.Finished;
import dev.hoist.internal.builds.BuildRecords.Job;
import dev.hoist.internal.builds.BuildRecords.NewBuild;
import dev.hoist.internal.builds.BuildRecords.NewSlug;
import dev.hoist.internal.builds.BuildRecords.ReleaseRef;
import dev.hoist.internal.builds.BuildRecords.SlugCreated;
import dev.hoist.internal.testing.FakeApiServer;
import dev.hoist.internal.testing.FakeApiServer.Answer;
import dev.hoist.internal.testing.FakeApiServer.Call;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
 * {@link Script} the test wrote, so a test decides what the pusher sees and when. The builder's
 * side: a queue of jobs, and a record of every output line, slug and finish a slug compiler sends.
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
    public final NewBuild request;
    public volatile String status = "pending";
    public volatile Integer releaseVersion;

    Created(App app, NewBuild request) {
      this.app = app;
      this.request = request;
    }
  }

  private final FakeApi api;
  public static final Script SUCCEEDS =
      out -> {
        out.line("-----> Building on the test stack");
        return Result.succeeded(1);
      };
  public volatile Script script = SUCCEEDS;

  /** Scripts of single apps, by app name, in place of {@link #script}. */
  public final Map<String, Script> appScripts = new ConcurrentHashMap<>();

  public final List<Created> created = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
  public final Map<String, List<String>> output = new ConcurrentHashMap<>();
  public final Map<String, NewSlug> slugs = new ConcurrentHashMap<>();
  public final Map<String, Finish> finished = new ConcurrentHashMap<>();

  FakeBuilds(FakeApi api) {
    this.api = api;
    api.on("POST", "/internal/apps/([^/]+)/builds", this::create);
    api.on(
        "GET",
        "/internal/apps/([^/]+)/builds/([^/]+)",
        c -> {
          if (!api.apps.containsKey(c.group(1))) return FakeApi.noApp(c.group(1));
          Created b = find(c.group(2));
          return b == null ? error(404, "not_found", "no such build") : ok(view(b));
        });
    api.onSigned("GET", "/streams/([^/]+)", c -> stream(c.exchange(), c.group(1)));
    api.on("POST", "/internal/builds/claim", this::claim);
    api.on(
        "POST",
        "/internal/builds/([^/]+)/output",
        c -> {
          List<String> lines = lines(c.text());
          output.computeIfAbsent(c.group(1), k -> new CopyOnWriteArrayList<>()).addAll(lines);
          return ok(Map.of("lines", lines.size()));
        });
    api.on(
        "POST",
        "/internal/builds/([^/]+)/slug",
        c -> {
          String slugId = UUID.randomUUID().toString();
          slugs.put(c.group(1), c.body(NewSlug.class));
          return new Answer(201, new SlugCreated(slugId, api.blobUrl("slugs/" + slugId + ".tgz")));
        });
    api.on(
        "POST",
        "/internal/builds/([^/]+)/finish",
        c -> {
          Finish finish = c.body(Finish.class);
          synchronized (this) {
            finished.put(c.group(1), finish);
            notifyAll();
          }
          return ok(new Finished(finish.status(), null));
        });
  }

  private Answer create(Call c) throws IOException {
    App app = api.apps.get(c.group(1));
    if (app == null) return FakeApi.noApp(c.group(1));
    Created b = new Created(app, c.body(NewBuild.class));
    created.add(b);
    return new Answer(201, view(b));
  }

  private Created find(String id) {
    return created.stream().filter(c -> c.id.equals(id)).findFirst().orElse(null);
  }

  private Build view(Created b) {
    Integer version = b.releaseVersion;
    ReleaseRef release =
        version == null ? null : new ReleaseRef(UUID.randomUUID().toString(), version);
    return new Build(b.id, b.app.ref(), b.status, api.signedUrl("/streams/" + b.id), release, null);
  }

  /**
   * The output stream: the script runs as the gateway reads; the build ends when the stream does.
   */
  private Answer stream(HttpExchange ex, String id) throws IOException {
    Created b = find(id);
    if (b == null) return error(404, "not_found", "no such build");
    b.status = "building";
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    ex.sendResponseHeaders(200, 0);
    OutputStream out = ex.getResponseBody();
    Result result;
    try {
      Output lines =
          text -> {
            out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
          };
      Script s = appScripts.getOrDefault(b.app.name(), script);
      result = s == BY_A_COMPILER ? byACompiler(b, lines) : s.run(lines);
    } catch (Exception e) {
      result = Result.failed();
    }
    b.releaseVersion = result.releaseVersion();
    b.status = result.status();
    out.close();
    return FakeApiServer.WRITTEN;
  }

  /**
   * As the api does: the build is queued for a slug compiler, whose output and finish are relayed.
   */
  public static final Script BY_A_COMPILER =
      out -> {
        throw new IllegalStateException("handled by the fake itself");
      };

  private Result byACompiler(Created b, Output out) throws Exception {
    String cache = api.blobUrl("caches/" + b.app.id() + ".tgz");
    enqueue(
        new Job(
            b.id,
            b.app.ref(),
            b.request.sourceBlob().url(),
            b.request.sourceBlob().version(),
            cache,
            cache,
            Map.of(),
            List.of(),
            "heroku-24-hoist",
            120,
            50L * 1024 * 1024));
    int sent = 0;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      boolean done =
          finished.containsKey(b.id); // read before the lines: finish comes after the last line
      List<String> lines = output.get(b.id);
      while (sent < lines.size()) out.line(lines.get(sent++));
      if (done) {
        return "succeeded".equals(finished.get(b.id).status())
            ? Result.succeeded(1)
            : Result.failed();
      }
      synchronized (this) {
        wait(50);
      }
    }
    return Result.failed();
  }

  // --- the builder's side ---

  public void enqueue(Job job) {
    output.put(job.id(), new CopyOnWriteArrayList<>());
    jobs.add(job);
  }

  private Answer claim(Call c) {
    int wait = Integer.parseInt(c.query().getOrDefault("wait", "0"));
    Job job;
    try {
      job = jobs.poll(wait, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      job = null;
    }
    return job == null ? FakeApiServer.status(204) : ok(job);
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
    return lines;
  }

  /** The finish a compiler sent for this build, waiting up to {@code limit} for it. */
  public synchronized Finish awaitFinish(String buildId, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!finished.containsKey(buildId)) {
      long left = deadline - System.nanoTime();
      if (left <= 0)
        throw new AssertionError("build " + buildId + " was not finished within " + limit);
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return finished.get(buildId);
  }
}
