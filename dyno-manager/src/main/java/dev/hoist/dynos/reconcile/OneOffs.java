package dev.hoist.dynos.reconcile;

import dev.hoist.dynos.attach.PendingAttaches;
import dev.hoist.dynos.logs.LogShipper;
import dev.hoist.dynos.scheduler.DynoSpec;
import dev.hoist.dynos.scheduler.Exit;
import dev.hoist.dynos.scheduler.Observed;
import dev.hoist.dynos.scheduler.Scheduler;
import dev.hoist.dynos.scheduler.SchedulerException;
import dev.hoist.internal.InternalApiException;
import dev.hoist.internal.dynos.DynoApi;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.OneOff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-off dynos, level-triggered like the formation: each pass compares an app's {@code one_offs}
 * with its one-off containers. A detached one starts at once; an attached one waits (up to the
 * attach timeout) for its client, see {@link AttachedOneOffs}. A one-off that outlives its {@code
 * time_to_live} is stopped. When its container has exited, the exit is reported to the api (again
 * on every pass until it is accepted), then the container is removed. A one-off the api no longer
 * lists is stopped or removed. Status 255 stands for a one-off that never ran or whose container
 * was lost.
 */
final class OneOffs {
  private static final Logger log = LoggerFactory.getLogger(OneOffs.class);
  static final int LOST = 255;

  private final Scheduler scheduler;
  private final DynoApi api;
  private final DynoBook book;
  private final DynoActions actions;
  private final LogShipper logs;
  private final PendingAttaches pending;
  private final ExecutorService pool;
  private final Runnable pass;
  private final long attachTimeoutMs;
  private final int port;

  /** one-offs whose exit the api has accepted, and those with a report or a start under way */
  private final Set<String> done = ConcurrentHashMap.newKeySet();

  private final Set<String> reporting = ConcurrentHashMap.newKeySet();
  private final Set<String> launched = ConcurrentHashMap.newKeySet();

  OneOffs(
      Scheduler scheduler,
      DynoApi api,
      DynoBook book,
      DynoActions actions,
      LogShipper logs,
      PendingAttaches pending,
      ExecutorService pool,
      Runnable pass,
      long attachTimeoutMs,
      int port) {
    this.scheduler = scheduler;
    this.api = api;
    this.book = book;
    this.actions = actions;
    this.logs = logs;
    this.pending = pending;
    this.pool = pool;
    this.pass = pass;
    this.attachTimeoutMs = attachTimeoutMs;
    this.port = port;
  }

  /** The key of a one-off in the book's sets: {@code app/run.N}. */
  static String key(String app, String name) {
    return app + "/" + name;
  }

  /**
   * One pass over an app's one-offs; returns those still waiting for a container, and adds its
   * deadlines.
   */
  List<OneOff> pass(AppState app, List<Dyno> dynos, long now, List<Long> deadlines) {
    Map<String, Dyno> byName =
        dynos.stream()
            .collect(
                Collectors.toMap(
                    d -> d.observed().dyno(), Function.identity(), (a, b) -> a.running() ? a : b));
    List<OneOff> waiting = new ArrayList<>();
    for (OneOff o : app.oneOffs()) {
      String key = key(app.name(), o.name());
      Dyno d = byName.remove(o.name());
      if (done.contains(key)) {
        if (d != null && !d.running()) actions.remove(d.observed());
      } else if (reporting.contains(key)) {
        continue; // its exit is on the way to the api
      } else if (book.starting.contains(key)) {
        if (d == null)
          waiting.add(o); // its start task follows its output first, then asks for a pass
      } else if (d == null) {
        waitingFor(app, o, key, now, deadlines, waiting);
      } else if (d.running()) {
        Integer ttl = o.timeToLive();
        long end = d.observed().startedAt() + (ttl == null ? 0 : ttl * 1000L);
        if (ttl != null && now >= end && !d.stopping()) {
          logs.platform(
              app.name(),
              o.name(),
              "Stopping process: its time to live of " + ttl + " seconds is over");
          actions.stop(d.observed(), false);
        } else if (ttl != null) {
          deadlines.add(end);
        }
      } else if (d.observed().exited() && !d.stopping()) {
        exited(app.name(), o, key, d.observed());
      } else if (d.observed().status() == Observed.Status.CREATED && o.attach()) {
        PendingAttaches.Pending p = pending.find(o.attachToken());
        boolean failed = p == null || p.claimedAt() > 0 && now >= p.claimedAt() + attachTimeoutMs;
        if (failed) actions.remove(d.observed()); // its session died before starting it
      }
    }
    for (Dyno stray :
        byName.values()) { // the api dropped it: stopped by a user, or its exit was taken
      if (stray.running()) actions.stop(stray.observed(), true);
      else if (!stray.stopping() && !isAttaching(stray)) actions.remove(stray.observed());
    }
    Set<String> wanted =
        app.oneOffs().stream().map(o -> key(app.name(), o.name())).collect(Collectors.toSet());
    done.removeIf(k -> k.startsWith(app.name() + "/") && !wanted.contains(k));
    launched.removeIf(k -> k.startsWith(app.name() + "/") && !wanted.contains(k));
    pending.retain(
        app.name(),
        app.oneOffs().stream()
            .map(OneOff::attachToken)
            .filter(t -> t != null)
            .collect(Collectors.toSet()));
    return waiting;
  }

  private boolean isAttaching(Dyno d) {
    Tracked t = book.get(d.id());
    return d.observed().status() == Observed.Status.CREATED && t != null && t.attached;
  }

  private void waitingFor(
      AppState app, OneOff o, String key, long now, List<Long> deadlines, List<OneOff> waiting) {
    DynoSpec spec = Slots.oneOff(app, o, port, false);
    if (spec == null) { // no release with a slug to run it on
      report(app.name(), o.name(), key, LOST, null);
      return;
    }
    if (o.attach()) {
      PendingAttaches.Pending p = pending.expect(app, o, now + attachTimeoutMs);
      if (p.claimedAt() > 0
          && now >= p.claimedAt() + attachTimeoutMs) { // its session failed before starting it
        pending.remove(o.attachToken());
        report(app.name(), o.name(), key, LOST, null);
        return;
      }
      if (p.claimedAt() > 0) { // the client is here: its session creates and starts the container
        deadlines.add(p.claimedAt() + attachTimeoutMs);
        return;
      }
      if (now >= p.deadline) {
        logs.platform(
            app.name(), o.name(), "Error R13 (Attach error) -> Failed to attach to process");
        pending.remove(o.attachToken());
        report(app.name(), o.name(), key, LOST, null);
        return;
      }
      deadlines.add(p.deadline);
      waiting.add(o);
    } else if (launched.add(key)) {
      actions.start(key, spec, app.releaseOf(o).slug(), null);
      waiting.add(o);
    } else { // it was started and its container is gone (or never came)
      report(app.name(), o.name(), key, LOST, null);
    }
  }

  private void exited(String app, OneOff o, String key, Observed c) {
    Tracked t = book.track(c.id());
    if (t.attached) return; // its client session reads the exit first, then asks for a pass
    if (t.exit == null) {
      Exit exit = scheduler.exit(c.id()).orElse(new Exit(LOST, false));
      if (exit.oomKilled())
        logs.platform(app, o.name(), "Error R15 (Memory quota vastly exceeded)");
      logs.platform(app, o.name(), "Process exited with status " + exit.status());
      logs.platform(app, o.name(), "State changed from up to complete");
      t.exit = exit;
    }
    pending.remove(o.attachToken());
    report(app, o.name(), key, t.exit.status(), c.id());
  }

  /**
   * Tells the api once per pass at most; on success forgets the one-off and removes its container.
   */
  private void report(String app, String name, String key, int status, String containerId) {
    if (!reporting.add(key)) return;
    pool.execute(
        () -> {
          try {
            api.oneOffExit(app, name, status);
            done.add(key);
          } catch (InternalApiException e) {
            if (e.status() == 404) done.add(key);
            else log.warn("cannot report the exit of {} of {}: {}", name, app, e.getMessage());
          } finally {
            reporting.remove(key);
          }
          try {
            if (done.contains(key) && containerId != null) {
              scheduler.remove(containerId);
              book.forget(containerId);
            }
          } catch (SchedulerException e) {
            log.warn("cannot remove the container of {} of {}: {}", name, app, e.getMessage());
          } finally {
            pass.run();
          }
        });
  }
}
