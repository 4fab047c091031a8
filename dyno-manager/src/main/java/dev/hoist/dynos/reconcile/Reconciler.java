package dev.hoist.dynos.reconcile;

import dev.hoist.dynos.DynoSettings;
import dev.hoist.dynos.scheduler.Observed;
import dev.hoist.dynos.scheduler.Scheduler;
import dev.hoist.dynos.scheduler.SchedulerException;
import dev.hoist.internal.dynos.DynoReport;
import dev.hoist.internal.state.DesiredState;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.OneOff;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile loop, on its own thread. A pass runs after each desired-state answer, each Docker
 * event, each finished action, at the earliest deadline it knows (a backoff ending, a drain delay,
 * a one-off's time to live) and at least every {@code tick}; requests that arrive during a pass
 * coalesce into one more pass. A pass lists the containers, handles new exits, plans each app
 * ({@link FormationPlan}, {@link OneOffs}), hands the actions to {@link DynoActions}, offers each
 * app's observed list to the {@link Reporter} and publishes where the up dynos answer ({@link
 * #addresses}).
 */
public final class Reconciler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

  /**
   * How long a platform app's draining dyno waits for the api to take the report that shows it
   * unroutable; after that its drain delay starts anyway. Ordinary apps' dynos wait for the api
   * however long it takes (the router may still send them requests), but a platform app must be
   * deployable and rollbackable with the api down, and its dynos are reached through the manager's
   * own book ({@link #addresses}), which drops a draining dyno at once.
   */
  static final long PLATFORM_DRAIN_WAIT_MS = 5_000;

  private final DynoSettings settings;
  private final Scheduler scheduler;
  private final DynoBook book;
  private final DynoActions actions;
  private final OneOffs oneOffs;
  private final SlugPreps preps;
  private final Reporter reporter;
  private final Exits exits;
  private final ImageGc gc;
  private final Addresses addresses = new Addresses();
  private final AtomicReference<DesiredState> desired = new AtomicReference<>();
  private final Thread thread = new Thread(this::loop, "dynos-reconciler");
  private final Object lock = new Object();
  private boolean dirty;
  private boolean closed;

  Reconciler(
      DynoSettings settings,
      Scheduler scheduler,
      DynoBook book,
      DynoActions actions,
      OneOffs oneOffs,
      SlugPreps preps,
      Reporter reporter,
      Exits exits,
      ImageGc gc) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.book = book;
    this.actions = actions;
    this.oneOffs = oneOffs;
    this.preps = preps;
    this.reporter = reporter;
    this.exits = exits;
    this.gc = gc;
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** A new desired state: act on it now. */
  public void desired(DesiredState state) {
    actions.platformApps(
        state.apps().stream()
            .filter(DesiredState.AppState::platform)
            .map(DesiredState.AppState::name)
            .collect(java.util.stream.Collectors.toSet()));
    desired.set(state);
    poke();
  }

  /** A container event: an ended dyno counts as exited from now on, whatever the listing says. */
  public void changed(String containerId, boolean ended) {
    if (ended) {
      book.track(containerId).ended = true;
      addresses.gone(containerId);
    }
    poke();
  }

  /**
   * Where the app's formation dynos of {@code type} answer that run, are up, and are neither
   * draining nor stopping ({@code ip:PORT}, {@code 127.0.0.1:PORT} on the host's network), as of
   * the last pass; no call to the engine or the api.
   */
  public List<InetSocketAddress> addresses(String app, String type) {
    return addresses.of(app, type);
  }

  /** Something changed: run a pass soon. Cheap, callable from any thread. */
  public void poke() {
    synchronized (lock) {
      dirty = true;
      lock.notifyAll();
    }
  }

  private void loop() {
    long wakeAt = 0;
    while (true) {
      synchronized (lock) {
        try {
          for (long left = wakeAt - System.currentTimeMillis();
              !dirty && !closed && left > 0;
              left = wakeAt - System.currentTimeMillis()) {
            lock.wait(left);
          }
        } catch (InterruptedException e) {
          return;
        }
        if (closed) return;
        dirty = false;
      }
      long now = System.currentTimeMillis();
      try {
        wakeAt = Math.min(pass(now), now + settings.tick().toMillis());
      } catch (SchedulerException e) {
        log.warn("reconcile pass failed, trying again: {}", e.getMessage());
        wakeAt = now + settings.tick().toMillis();
      } catch (RuntimeException e) {
        log.error("reconcile pass failed", e);
        wakeAt = now + settings.tick().toMillis();
      }
    }
  }

  /** One pass; returns when the next one is due at the latest. */
  long pass(long now) {
    DesiredState state = desired.get();
    if (state == null) return Long.MAX_VALUE; // nothing is known to be wanted: touch nothing
    List<Observed> all = scheduler.list().stream().map(this::endedYet).toList();
    Set<String> ids = all.stream().map(Observed::id).collect(Collectors.toSet());
    book.containers.values().removeIf(t -> t.since < now && !ids.contains(t.id) && closeQuietly(t));
    for (Observed o : all) adopt(o);
    Map<String, List<Observed>> byApp = all.stream().collect(Collectors.groupingBy(Observed::app));
    List<Long> deadlines = new ArrayList<>();
    Set<String> wanted = new HashSet<>();
    Addresses.Builder up = new Addresses.Builder();
    for (AppState app : state.apps()) {
      app(app, byApp.getOrDefault(app.name(), List.of()), now, deadlines, wanted, up);
    }
    addresses.publish(up);
    book.crashes.keySet().retainAll(wanted); // histories of dynos no longer asked for
    book.failures.keySet().retainAll(wanted);
    byApp.forEach(
        (name, containers) -> {
          if (state.app(name).isPresent()) return;
          for (Observed o : containers) { // the app is gone
            if (view(o).stopping()) continue;
            if (o.running()) actions.stop(o, true);
            else actions.remove(o);
          }
        });
    gc.run(state, all, now);
    return deadlines.stream()
        .mapToLong(Long::longValue)
        .filter(t -> t > now)
        .min()
        .orElse(Long.MAX_VALUE);
  }

  private void app(
      AppState app,
      List<Observed> containers,
      long now,
      List<Long> deadlines,
      Set<String> wanted,
      Addresses.Builder up) {
    app.slug().ifPresent(s -> preps.warm(s, app.stackImage()));
    List<Slot> slots = Slots.of(app, settings.port());
    slots.forEach(s -> wanted.add(s.key()));
    app.oneOffs().forEach(o -> wanted.add(OneOffs.key(app.name(), o.name())));
    for (Observed o : containers) {
      Dyno d = view(o);
      if (!o.oneOff() && o.exited() && !d.exitHandled() && !d.stopping() && !starting(o))
        exits.handle(app, d, containers);
    }
    if (app.platform()) drainWithoutTheApi(containers, now, deadlines);
    List<Dyno> formation = views(containers, false);
    long delay = settings.drainDelay().toMillis();
    for (Action a : FormationPlan.plan(slots, formation, s -> mayStart(s, now), now, delay))
      act(app, a);
    for (Slot s : slots) deadlines.add(book.crashesOf(s.key()).nextStartAt());
    for (Dyno d : formation) if (d.drainAckedAt() > 0) deadlines.add(d.drainAckedAt() + delay);
    List<OneOff> waiting = oneOffs.pass(app, views(containers, true), now, deadlines);
    List<Dyno> after = new ArrayList<>(views(containers, false));
    for (Dyno d : after) {
      String address = d.observed().address(settings.port());
      if (d.up() && !d.draining() && !d.stopping() && address != null)
        up.add(app.name(), d.observed().type(), d.id(), address);
    }
    after.addAll(views(containers, true));
    List<DynoReport> report =
        Reports.of(
            after,
            id -> book.get(id) == null ? null : book.get(id).exit,
            slots,
            s -> book.starting.contains(s.key()) ? null : book.failures.get(s.key()),
            waiting,
            app.release() == null ? null : app.release().version(),
            settings.port());
    reporter.offer(app.name(), report);
  }

  private void drainWithoutTheApi(List<Observed> containers, long now, List<Long> deadlines) {
    for (Observed o : containers) {
      Tracked t = book.get(o.id());
      if (t == null || t.drainRequestedAt == 0 || t.drainAckedAt > 0) continue;
      long at = t.drainRequestedAt + PLATFORM_DRAIN_WAIT_MS;
      if (now >= at) t.drainAckedAt = now;
      else deadlines.add(at);
    }
  }

  private boolean mayStart(Slot s, long now) {
    return !book.starting.contains(s.key()) && now >= book.crashesOf(s.key()).nextStartAt();
  }

  private void act(AppState app, Action a) {
    if (a instanceof Action.Start s)
      actions.start(s.slot().key(), s.slot().spec(), app.slug().get(), null);
    else if (a instanceof Action.Restart r)
      actions.start(r.slot().key(), r.slot().spec(), app.slug().get(), r.crashed().id());
    else if (a instanceof Action.Drain d) actions.drain(d.dyno().observed());
    else if (a instanceof Action.Stop s) actions.stop(s.dyno().observed(), true);
    else if (a instanceof Action.Remove r) actions.remove(r.dyno().observed());
  }

  /**
   * Whether the container's start task is still under way: that task follows and boot-checks it,
   * and until it is done the engine holds the container's lock (an inspect would wait for it).
   */
  private boolean starting(Observed o) {
    String key =
        o.oneOff()
            ? OneOffs.key(o.app(), o.dyno())
            : Slot.key(o.app(), o.dyno(), o.release(), o.generation());
    return book.starting.contains(key);
  }

  /**
   * Containers that run without the manager knowing them (it restarted) get followed and
   * boot-checked.
   */
  private void adopt(Observed o) {
    if (!o.running() || starting(o)) return;
    Tracked t = book.get(o.id());
    boolean web = "web".equals(o.type()) && !o.oneOff();
    if (t == null
        || (!t.following() && !t.attached)
        || (web && t.upAt == 0 && !t.probing && !t.bootTimedOut)) {
      actions.started(o.id(), o.ip(), o.port(), o.app(), o.dyno(), web, o.startedAt(), false);
    }
  }

  private List<Dyno> views(List<Observed> containers, boolean oneOff) {
    return containers.stream().filter(o -> o.oneOff() == oneOff).map(this::view).toList();
  }

  private Observed endedYet(Observed o) {
    Tracked t = book.get(o.id());
    return o.running() && t != null && t.ended ? o.ended() : o;
  }

  private Dyno view(Observed o) {
    Tracked t = book.get(o.id());
    return t == null ? new Dyno(o, false, false, 0, false, false) : t.view(o);
  }

  private static boolean closeQuietly(Tracked t) {
    t.close();
    return true;
  }

  /** Stops passing; waits a moment for a pass under way to finish. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
