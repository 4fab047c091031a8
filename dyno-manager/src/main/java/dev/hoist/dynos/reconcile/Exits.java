package dev.hoist.dynos.reconcile;

import dev.hoist.dynos.logs.LogShipper;
import dev.hoist.dynos.scheduler.Exit;
import dev.hoist.dynos.scheduler.Observed;
import dev.hoist.dynos.scheduler.Scheduler;
import dev.hoist.internal.state.DesiredState.AppState;
import java.util.List;

/**
 * A formation dyno that exited by itself has crashed (Heroku counts exit 0 too). Its exit is
 * handled once: logged as Heroku does (R15 first when the kernel killed it for memory), counted in
 * its slot's backoff, and, when a new release's web dyno dies before ever binding its port while
 * older dynos still serve, the app's log says that the new release failed to boot.
 */
final class Exits {
  private final Scheduler scheduler;
  private final DynoBook book;
  private final LogShipper logs;
  private final Backoff backoff;

  Exits(Scheduler scheduler, DynoBook book, LogShipper logs, Backoff backoff) {
    this.scheduler = scheduler;
    this.book = book;
    this.logs = logs;
    this.backoff = backoff;
  }

  void handle(AppState app, Dyno d, List<Observed> containers) {
    Observed o = d.observed();
    Exit exit = scheduler.exit(o.id()).orElse(null);
    if (exit == null) return; // gone, or running again: the next pass sees which
    Tracked t = book.track(o.id());
    t.exit = exit;
    boolean wasUp = t.upAt > 0;
    long now = System.currentTimeMillis();
    if (exit.oomKilled()) {
      logs.platform(app.name(), o.dyno(), "Error R15 (Memory quota vastly exceeded)");
      logs.platform(app.name(), o.dyno(), "Stopping process with SIGKILL");
    }
    logs.platform(app.name(), o.dyno(), "Process exited with status " + exit.status());
    logs.platform(
        app.name(), o.dyno(), "State changed from " + (wasUp ? "up" : "starting") + " to crashed");
    String key = Slot.key(o.app(), o.dyno(), o.release(), o.generation());
    Backoff b = app.platform() ? backoff.forPlatform() : backoff;
    book.crashes.compute(
        key,
        (k, c) -> b.afterCrash(c == null ? Backoff.Crashes.NONE : c, now, now - o.startedAt()));
    if ("web".equals(o.type())
        && !wasUp
        && app.release() != null
        && app.release().version() == o.release()) {
      failedBoot(app, o, containers);
    }
  }

  private void failedBoot(AppState app, Observed crashed, List<Observed> containers) {
    List<Observed> serving =
        containers.stream()
            .filter(
                c ->
                    c.running()
                        && !c.oneOff()
                        && "web".equals(c.type())
                        && (c.release() != crashed.release()
                            || c.generation() != crashed.generation()))
            .toList();
    if (serving.isEmpty()
        || !book.failedBoots.add(
            app.name() + "@v" + crashed.release() + "." + crashed.generation())) {
      return;
    }
    String old =
        serving.stream()
            .map(c -> "v" + c.release())
            .distinct()
            .sorted()
            .reduce((a, b) -> a + ", " + b)
            .orElse("");
    logs.platform(
        app.name(),
        crashed.dyno(),
        "Release v"
            + crashed.release()
            + " failed to boot: "
            + crashed.dyno()
            + " crashed before binding $PORT; the running dynos of "
            + old
            + " keep serving");
  }
}
