package dev.hoist.build.compiler;

import dev.hoist.internal.Backoff;
import dev.hoist.internal.builds.BuildRecords.Job;
import dev.hoist.internal.builds.BuilderApi;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slug compiler, embeddable: {@link #start} begins claiming builds on a thread of its own, one
 * build at a time; {@link #close} stops claiming, stops a running build (finished as failed: "the
 * slug compiler was stopped") and returns when the thread is done. When the api cannot be reached
 * it waits and asks again, longer each time up to 30 s: a compiler outlives api restarts.
 */
public final class SlugCompiler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlugCompiler.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(500);
  private static final Duration LAST_RETRY = Duration.ofSeconds(30);

  private final BuilderApi api;
  private final CompilerSettings settings;
  private final Thread loop;
  private volatile boolean closing;
  private volatile boolean building;

  private SlugCompiler(BuilderApi api, CompilerSettings settings) {
    this.api = api;
    this.settings = settings;
    this.loop = new Thread(this::claimLoop, "slug-compiler");
  }

  public static SlugCompiler start(CompilerSettings settings, BuilderApi api) {
    SlugCompiler compiler = new SlugCompiler(api, settings);
    compiler.loop.start();
    log.info(
        "slug compiler started: buildpacks in {}, scratch in {}",
        settings.buildpacksDir(),
        settings.workDir());
    if (!java.nio.file.Files.isExecutable(settings.driver())) {
      log.warn(
          "no buildpacks driver at {}: builds will fail until hoist.build.buildpacks-dir names one",
          settings.driver());
    }
    return compiler;
  }

  private void claimLoop() {
    Backoff backoff = new Backoff(FIRST_RETRY, LAST_RETRY);
    int wait = (int) Math.min(60, Math.max(0, settings.claimWait().toSeconds()));
    while (!closing) {
      try {
        Optional<Job> job = api.claim(wait);
        backoff.reset();
        if (job.isPresent()) {
          building = true;
          try {
            new BuildRun(api, settings, job.get(), () -> closing).run();
          } finally {
            building = false;
          }
        }
      } catch (IOException e) {
        // close() interrupts a claim's long-poll: the api call ends with an error, which is no
        // outage.
        if (closing) return;
        Duration pause = backoff.next();
        log.warn(
            "cannot claim builds: {}; asking again in {} ms", e.getMessage(), pause.toMillis());
        try {
          Thread.sleep(pause.toMillis()); // a retry backoff, not a wait for a condition
        } catch (InterruptedException stop) {
          return;
        }
      } catch (RuntimeException e) {
        log.error("slug compiler loop failed; going on", e);
      }
    }
  }

  /** Stops claiming; a running build is stopped and finished as failed. */
  @Override
  public void close() {
    closing = true;
    // A running build sees `closing` within a quarter second and ends itself cleanly (its last
    // lines
    // and finish still go out); only a claim's long-poll needs waking.
    if (!building) loop.interrupt();
    try {
      loop.join(Duration.ofMinutes(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("slug compiler stopped");
  }
}
