package dev.hoist.dynos.reconcile;

import dev.hoist.dynos.DynoSettings;
import dev.hoist.dynos.attach.AttachTarget;
import dev.hoist.dynos.attach.PendingAttaches;
import dev.hoist.dynos.checkpoint.LocalState;
import dev.hoist.dynos.checkpoint.SlugStore;
import dev.hoist.dynos.logs.LogShipper;
import dev.hoist.dynos.scheduler.Scheduler;
import dev.hoist.internal.Blobs;
import dev.hoist.internal.InternalApi;
import dev.hoist.internal.dynos.DynoApi;
import dev.hoist.internal.dynos.DynoReport;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Builds the reconcile side of the dyno manager from its parts; {@link dev.hoist.dynos.DynoManager}
 * starts and stops it. The parts are package-private, so this is the one way in.
 */
public final class Wiring implements AutoCloseable {
  private final Reconciler reconciler;
  private final Reporter reporter;
  private final BootProbe probe;
  private final AttachTarget attachTarget;

  public Wiring(
      DynoSettings settings,
      Scheduler scheduler,
      InternalApi api,
      LogShipper logs,
      SlugStore slugs,
      LocalState local,
      ExecutorService pool) {
    Backoff backoff =
        new Backoff(settings.backoffInitial(), settings.backoffMax(), settings.backoffReset());
    DynoBook book = new DynoBook();
    DynoApi dynos = new DynoApi(api);
    SlugPreps preps = new SlugPreps(scheduler, new Blobs(api), slugs, local::keeps, pool);
    PendingAttaches pending = new PendingAttaches();
    Runnable[] poke = new Runnable[1]; // the reconciler, made last, is what every part pokes
    Runnable pass = () -> poke[0].run();
    this.probe = new BootProbe(settings.bootPoll());
    this.reporter = new Reporter(dynos, (app, list) -> accepted(book, list, pass));
    DynoActions actions =
        new DynoActions(scheduler, book, preps, logs, probe, settings, backoff, pool, pass);
    OneOffs oneOffs =
        new OneOffs(
            scheduler,
            dynos,
            book,
            actions,
            logs,
            pending,
            pool,
            pass,
            settings.attachTimeout().toMillis(),
            settings.port());
    this.attachTarget =
        new AttachedOneOffs(
            pending,
            preps,
            scheduler,
            book,
            logs,
            pool,
            pass,
            settings.stopGrace(),
            settings.port());
    this.reconciler =
        new Reconciler(
            settings,
            scheduler,
            book,
            actions,
            oneOffs,
            preps,
            reporter,
            new Exits(scheduler, book, logs, backoff),
            new ImageGc(scheduler, pool, preps::forget, local::keptSlugs, settings.imageGcAfter()));
    poke[0] = reconciler::poke;
  }

  /** The api took a list: the drain delay of each dyno it shows unroutable starts now. */
  private static void accepted(DynoBook book, List<DynoReport> list, Runnable pass) {
    boolean any = false;
    for (DynoReport r : list) {
      Tracked t = r.containerId() == null ? null : book.get(r.containerId());
      if (t != null && !r.routable() && t.drainRequestedAt > 0 && t.drainAckedAt == 0) {
        t.drainAckedAt = System.currentTimeMillis();
        any = true;
      }
    }
    if (any) pass.run();
  }

  public Reconciler reconciler() {
    return reconciler;
  }

  public AttachTarget attachTarget() {
    return attachTarget;
  }

  public void start() {
    reporter.start();
    reconciler.start();
  }

  @Override
  public void close() {
    reconciler.close();
    reporter.close();
    probe.close();
  }
}
