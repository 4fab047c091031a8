package dev.hoist.dynos.reconcile;

import dev.hoist.dynos.DynoSettings;
import dev.hoist.dynos.logs.DynoOutput;
import dev.hoist.dynos.logs.LogShipper;
import dev.hoist.dynos.scheduler.DynoSpec;
import dev.hoist.dynos.scheduler.Exit;
import dev.hoist.dynos.scheduler.Observed;
import dev.hoist.dynos.scheduler.Prepared;
import dev.hoist.dynos.scheduler.Scheduler;
import dev.hoist.dynos.scheduler.SchedulerException;
import dev.hoist.dynos.scheduler.StartResult;
import dev.hoist.internal.state.DesiredState.Slug;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what a pass decided, on the worker pool so that starts run in parallel and a stop's
 * grace never holds up a pass. Each task ends by asking for another pass, which sees the new state
 * of the containers. Platform events go to the app's log as Heroku words them ({@code hoist[web.1]:
 * State changed …}).
 */
final class DynoActions {
  private static final Logger log = LoggerFactory.getLogger(DynoActions.class);

  private final Scheduler scheduler;
  private final DynoBook book;
  private final SlugPreps preps;
  private final LogShipper logs;
  private final BootProbe probe;
  private final DynoSettings settings;
  private final Backoff backoff;
  private final ExecutorService pool;
  private final Runnable pass;

  /**
   * The platform's own apps, as the latest state names them: their web dynos get {@link
   * #PLATFORM_BOOT_TIMEOUT} to bind, since a JVM part booting beside its siblings on a small host
   * can take longer than an app's 60 s, and an R10 loop would keep the platform down.
   */
  private volatile java.util.Set<String> platformApps = java.util.Set.of();

  static final java.time.Duration PLATFORM_BOOT_TIMEOUT = java.time.Duration.ofSeconds(300);

  DynoActions(
      Scheduler scheduler,
      DynoBook book,
      SlugPreps preps,
      LogShipper logs,
      BootProbe probe,
      DynoSettings settings,
      Backoff backoff,
      ExecutorService pool,
      Runnable pass) {
    this.scheduler = scheduler;
    this.book = book;
    this.preps = preps;
    this.logs = logs;
    this.probe = probe;
    this.settings = settings;
    this.backoff = backoff;
    this.pool = pool;
    this.pass = pass;
  }

  /**
   * Starts a dyno (after removing the crashed container it replaces, if any); at most one start per
   * key.
   */
  void start(String key, DynoSpec spec, Slug slug, String replacing) {
    if (!book.starting.add(key)) return;
    pool.execute(
        () -> {
          try {
            if (replacing != null) {
              say(spec, "State changed from crashed to starting");
              scheduler.remove(replacing);
              book.forget(replacing);
            }
            Prepared prepared = preps.ensure(slug, spec.stack());
            if (!(prepared instanceof Prepared.Ready)) {
              failed(key, spec, prepared);
              return;
            }
            say(spec, "Starting process with command `" + spec.command() + "`");
            StartResult r = scheduler.start(spec);
            if (r
                instanceof
                StartResult.ImageMissing) { // removed behind our back: prepare again, once
              preps.forget(spec.slugId());
              prepared = preps.ensure(slug, spec.stack());
              r = prepared instanceof Prepared.Ready ? scheduler.start(spec) : r;
            }
            if (r instanceof StartResult.Started s) {
              book.failures.remove(key);
              started(
                  s.containerId(),
                  s.ip(),
                  s.port(),
                  spec.app(),
                  spec.dyno(),
                  spec.web(),
                  System.currentTimeMillis(),
                  true);
            } else if (r instanceof StartResult.Failed f) {
              failed(key, spec, new Prepared.Failed(f.message()));
            } else if (r instanceof StartResult.ImageMissing) {
              failed(key, spec, prepared);
            }
          } catch (
              SchedulerException
                  e) { // counted like a crash, so that a failing engine is not hammered
            log.warn("cannot start {} of {}: {}", spec.dyno(), spec.app(), e.getMessage());
            failed(
                key,
                spec,
                new Prepared.Failed("cannot start the dyno: the container engine failed"));
          } finally {
            book.starting.remove(key);
            pass.run();
          }
        });
  }

  private void failed(String key, DynoSpec spec, Prepared why) {
    if (why instanceof Prepared.ChecksumMismatch m) {
      say(
          spec,
          "Error R17 (Checksum error) -> Checksum does not match expected value. Expected: "
              + m.expected()
              + " Actual: "
              + m.actual());
    } else if (why instanceof Prepared.Failed f) {
      say(spec, f.message());
    }
    say(spec, "State changed from starting to crashed");
    book.failures.put(key, why.toString());
    Backoff b = spec.platform() != null ? backoff.forPlatform() : backoff;
    book.crashes.compute(
        key,
        (k, c) ->
            b.afterCrash(c == null ? Backoff.Crashes.NONE : c, System.currentTimeMillis(), 0));
  }

  /**
   * A container now runs: follow its output and, for web dynos, watch it bind $PORT ({@code port}
   * on the host's network, else the manager's).
   */
  void platformApps(java.util.Set<String> apps) {
    platformApps = java.util.Set.copyOf(apps);
  }

  void started(
      String id,
      String ip,
      int port,
      String app,
      String dyno,
      boolean web,
      long startedAt,
      boolean fromStart) {
    Tracked t = book.track(id);
    if (!t.following() && !t.attached)
      t.follow(scheduler.follow(id, fromStart, new DynoOutput(logs, app, dyno)));
    if (!web) {
      t.upAt = System.currentTimeMillis();
      if (fromStart) logs.platform(app, dyno, "State changed from starting to up");
      return;
    }
    if (ip == null || t.probing) return;
    t.probing = true;
    java.time.Duration bootTimeout =
        platformApps.contains(app) && PLATFORM_BOOT_TIMEOUT.compareTo(settings.bootTimeout()) > 0
            ? PLATFORM_BOOT_TIMEOUT
            : settings.bootTimeout();
    long timeout = bootTimeout.toMillis();
    long deadline =
        fromStart
            ? startedAt + timeout
            : Math.max(startedAt + timeout, System.currentTimeMillis() + 2000);
    probe.watch(
        ip,
        port > 0 ? port : settings.port(),
        deadline,
        () -> book.get(id) == t && !t.stopping && t.exit == null,
        new BootProbe.Outcome() {
          @Override
          public void up() {
            t.upAt = System.currentTimeMillis();
            logs.platform(app, dyno, "State changed from starting to up");
            pass.run();
          }

          @Override
          public void timedOut() {
            t.bootTimedOut = true;
            logs.platform(
                app,
                dyno,
                "Error R10 (Boot timeout) -> Web process failed to bind to $PORT within "
                    + bootTimeout.toSeconds()
                    + " seconds of launch");
            logs.platform(app, dyno, "Stopping process with SIGKILL");
            pool.execute(
                () -> {
                  try {
                    scheduler.kill(id, "KILL");
                  } catch (SchedulerException e) {
                    log.warn("cannot kill {} of {}: {}", dyno, app, e.getMessage());
                  }
                });
          }
        });
  }

  /**
   * Marks an up web dyno unroutable; the pass stops it once the api took that and the drain delay
   * passed.
   */
  void drain(Observed o) {
    Tracked t = book.track(o.id());
    if (t.drainRequestedAt == 0) t.drainRequestedAt = System.currentTimeMillis();
  }

  /**
   * SIGTERM, grace, SIGKILL; then removes the container unless it is a one-off whose exit is still
   * to report.
   */
  void stop(Observed o, boolean remove) {
    Tracked t = book.track(o.id());
    if (t.stopping) return;
    t.stopping = true;
    pool.execute(
        () -> {
          try {
            logs.platform(o.app(), o.dyno(), "Stopping all processes with SIGTERM");
            long t0 = System.currentTimeMillis();
            Optional<Exit> exit = scheduler.stop(o.id(), settings.stopGrace());
            exit.ifPresent(
                e -> {
                  if (e.status() == 137
                      && System.currentTimeMillis() - t0 >= settings.stopGrace().toMillis() - 50) {
                    logs.platform(
                        o.app(),
                        o.dyno(),
                        "Error R12 (Exit timeout) -> Process failed to exit within "
                            + settings.stopGrace().toSeconds()
                            + " seconds of SIGTERM");
                  }
                  logs.platform(o.app(), o.dyno(), "Process exited with status " + e.status());
                  if (!o.oneOff())
                    logs.platform(o.app(), o.dyno(), "State changed from up to down");
                });
            if (remove) {
              scheduler.remove(o.id());
              book.forget(o.id());
            } else {
              t.stopping = false;
            }
          } catch (SchedulerException e) {
            t.stopping = false;
            log.warn("cannot stop {} of {}: {}", o.dyno(), o.app(), e.getMessage());
          } finally {
            pass.run();
          }
        });
  }

  void remove(Observed o) {
    Tracked t = book.track(o.id());
    if (t.stopping) return;
    t.stopping = true;
    pool.execute(
        () -> {
          try {
            scheduler.remove(o.id());
            book.forget(o.id());
          } catch (SchedulerException e) {
            t.stopping = false;
            log.warn("cannot remove {} of {}: {}", o.dyno(), o.app(), e.getMessage());
          } finally {
            pass.run();
          }
        });
  }

  private void say(DynoSpec spec, String message) {
    logs.platform(spec.app(), spec.dyno(), message);
  }
}
