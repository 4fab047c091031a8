package dev.hoist.dynos.memory;

import dev.hoist.dynos.scheduler.Observed;
import dev.hoist.dynos.scheduler.Scheduler;
import dev.hoist.dynos.scheduler.SchedulerException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * R14: every {@code interval} a pass lists the running dynos (web, worker, one-off alike) and
 * samples each one's memory in parallel on the shared pool; each dyno above its quota gets {@link
 * MemoryQuota}'s two lines in its app's log. The watch has its own thread and shares nothing with
 * the reconcile loop, which it never holds up.
 *
 * <p>It cannot pile up: the next pass starts {@code interval} after the previous one ended, a pass
 * waits for its samples at most {@code interval}, and a dyno whose last sample has not come back is
 * not sampled again until it has. A failing backend is logged once and tried again at the next
 * pass.
 */
public final class MemoryWatch implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MemoryWatch.class);

  /**
   * Where the lines go: {@link dev.hoist.dynos.logs.LogShipper#platform}, as {@code hoist[web.1]:
   * …}.
   */
  @FunctionalInterface
  public interface PlatformLog {
    void platform(String app, String dyno, String message);
  }

  /**
   * What one pass did.
   *
   * @param dynos running dynos with a quota
   * @param sampled samples that came back within the pass
   * @param over dynos found above their quota
   * @param millis from the listing to the last sample
   */
  public record Pass(int dynos, int sampled, int over, long millis) {}

  private final Scheduler scheduler;
  private final PlatformLog logs;
  private final Executor pool;
  private final Duration interval;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "dynos-memory");
            t.setDaemon(true);
            return t;
          });
  private boolean failing; // only the timer's thread reads and writes it
  private boolean
      samplesFailing; // likewise: a failing sample is logged when it starts failing, not every pass

  public MemoryWatch(Scheduler scheduler, PlatformLog logs, Executor pool, Duration interval) {
    this.scheduler = scheduler;
    this.logs = logs;
    this.pool = pool;
    this.interval = interval;
  }

  public MemoryWatch start() {
    long ms = interval.toMillis();
    timer.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
    return this;
  }

  private void tick() {
    try {
      Pass p = pass();
      if (failing) log.info("memory samples work again");
      failing = false;
      log.debug(
          "memory pass: {} dynos, {} sampled, {} over quota, {} ms",
          p.dynos(),
          p.sampled(),
          p.over(),
          p.millis());
    } catch (SchedulerException e) {
      if (!failing)
        log.warn(
            "cannot sample dyno memory, trying again every {} ms: {}",
            interval.toMillis(),
            e.getMessage());
      failing = true;
    } catch (RuntimeException e) { // an escaping exception would end the schedule for good
      log.error("memory pass failed", e);
    }
  }

  /**
   * One pass, on the caller's thread; returns once every sample is back, or after {@code interval}.
   */
  public Pass pass() {
    long start = System.nanoTime();
    List<Observed> dynos =
        scheduler.list().stream().filter(o -> o.running() && o.memoryMb() > 0).toList();
    List<CompletableFuture<Boolean>> samples = new ArrayList<>();
    for (Observed o : dynos) {
      if (!inFlight.add(o.id())) continue; // its last sample is still out: waiting for it is enough
      try {
        samples.add(
            CompletableFuture.supplyAsync(() -> sample(o), pool)
                .whenComplete((over, e) -> inFlight.remove(o.id())));
      } catch (RejectedExecutionException e) { // shutting down
        inFlight.remove(o.id());
      }
    }
    try {
      CompletableFuture.allOf(samples.toArray(CompletableFuture[]::new))
          .get(interval.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // counted below: late samples finish on their own, failures are logged
    } catch (
        InterruptedException e) { // closing: the samples are not late, and nobody reads the pass
      Thread.currentThread().interrupt();
      return new Pass(dynos.size(), 0, 0, (System.nanoTime() - start) / 1_000_000);
    }
    return outcome(dynos.size(), samples, (System.nanoTime() - start) / 1_000_000);
  }

  /** True when above the quota (and logged so). */
  private boolean sample(Observed o) {
    long used = scheduler.memory(o.id()).orElse(0);
    List<String> lines = MemoryQuota.exceeded(used, o.memoryMb());
    lines.forEach(line -> logs.platform(o.app(), o.dyno(), line)); // in order, from one thread
    return !lines.isEmpty();
  }

  private Pass outcome(int dynos, List<CompletableFuture<Boolean>> samples, long millis) {
    int sampled = 0;
    int over = 0;
    int late = 0;
    String failure = null;
    for (CompletableFuture<Boolean> s : samples) {
      if (!s.isDone()) {
        late++;
      } else if (s.isCompletedExceptionally()) {
        failure =
            s.handle((v, e) -> e.getCause() == null ? e.toString() : e.getCause().getMessage())
                .join();
      } else {
        sampled++;
        if (s.join()) over++;
      }
    }
    if (late > 0)
      log.warn(
          "{} memory samples took over {} ms; those dynos wait for them",
          late,
          interval.toMillis());
    if (failure != null && !samplesFailing) {
      log.warn(
          "cannot sample the memory of {} dynos (logged again once samples work): {}",
          samples.size() - sampled - late,
          failure);
    }
    samplesFailing = failure != null;
    return new Pass(dynos, sampled, over, millis);
  }

  @Override
  public void close() {
    timer.shutdownNow(); // a pass under way stops waiting; its samples end on their own
  }
}
