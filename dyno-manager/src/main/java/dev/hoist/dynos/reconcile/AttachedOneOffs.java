package dev.hoist.dynos.reconcile;

import dev.hoist.dynos.attach.AttachTarget;
import dev.hoist.dynos.attach.PendingAttaches;
import dev.hoist.dynos.logs.LogShipper;
import dev.hoist.dynos.scheduler.Attachment;
import dev.hoist.dynos.scheduler.DynoSpec;
import dev.hoist.dynos.scheduler.Exit;
import dev.hoist.dynos.scheduler.Prepared;
import dev.hoist.dynos.scheduler.Scheduler;
import dev.hoist.dynos.scheduler.SchedulerException;
import dev.hoist.dynos.scheduler.StartResult;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.OneOff;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes attached one-offs for the attach server: on a client's token, the container is created
 * (stdin open, with a TTY when the client has one) and attached before it starts, so no output is
 * lost. Its exit reaches the api through the one-off pass like any other one-off's.
 */
final class AttachedOneOffs implements AttachTarget {
  private static final Logger log = LoggerFactory.getLogger(AttachedOneOffs.class);
  private final PendingAttaches pending;
  private final SlugPreps preps;
  private final Scheduler scheduler;
  private final DynoBook book;
  private final LogShipper logs;
  private final ExecutorService pool;
  private final Runnable pass;
  private final Duration grace;
  private final int port;

  AttachedOneOffs(
      PendingAttaches pending,
      SlugPreps preps,
      Scheduler scheduler,
      DynoBook book,
      LogShipper logs,
      ExecutorService pool,
      Runnable pass,
      Duration grace,
      int port) {
    this.pending = pending;
    this.preps = preps;
    this.scheduler = scheduler;
    this.book = book;
    this.logs = logs;
    this.pool = pool;
    this.pass = pass;
    this.grace = grace;
    this.port = port;
  }

  @Override
  public Session open(String token, boolean tty, int cols, int rows) throws IOException {
    PendingAttaches.Pending p = pending.claim(token);
    if (p == null) return null;
    AppState app = p.app();
    DynoSpec spec = Slots.oneOff(app, withTerminal(p, tty, cols, rows), port, tty);
    if (spec == null) throw new IOException("the app has no release to run");
    try {
      if (!(preps.ensure(app.releaseOf(p.oneOff).slug(), spec.stack()) instanceof Prepared.Ready)) {
        throw new IOException("cannot prepare the slug");
      }
      StartResult created = scheduler.create(spec);
      if (!(created instanceof StartResult.Started s))
        throw new IOException("cannot create the dyno: " + created);
      book.track(s.containerId()).attached = true;
      try {
        return new Attached(
            spec, s.containerId(), scheduler.attach(s.containerId(), tty), tty, cols, rows);
      } catch (SchedulerException e) {
        scheduler.remove(s.containerId());
        throw e;
      }
    } catch (SchedulerException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The client's terminal size in COLUMNS and LINES, unless the one-off's env has them already. */
  private static OneOff withTerminal(PendingAttaches.Pending p, boolean tty, int cols, int rows) {
    OneOff o = p.oneOff;
    if (!tty || cols <= 0 || rows <= 0) return o;
    Map<String, String> env =
        new HashMap<>(Map.of("COLUMNS", Integer.toString(cols), "LINES", Integer.toString(rows)));
    env.putAll(o.env());
    return new OneOff(
        o.name(),
        o.command(),
        o.size(),
        o.memoryMb(),
        o.pids(),
        env,
        o.attach(),
        o.attachToken(),
        o.timeToLive(),
        o.createdAt(),
        o.release());
  }

  private final class Attached implements Session {
    private final DynoSpec spec;
    private final String id;
    private final Attachment attachment;
    private final boolean tty;
    private final int cols;
    private final int rows;

    Attached(DynoSpec spec, String id, Attachment attachment, boolean tty, int cols, int rows) {
      this.spec = spec;
      this.id = id;
      this.attachment = attachment;
      this.tty = tty;
      this.cols = cols;
      this.rows = rows;
    }

    @Override
    public Attachment attachment() {
      return attachment;
    }

    @Override
    public void start() throws IOException {
      logs.platform(
          spec.app(),
          spec.dyno(),
          "Starting process with command `" + spec.command() + "` by user");
      StartResult r = scheduler.startCreated(id);
      if (!(r instanceof StartResult.Started)) {
        scheduler.remove(id);
        throw new IOException("cannot start the dyno: " + r);
      }
      if (tty && cols > 0 && rows > 0) scheduler.resize(id, cols, rows);
      book.track(id).upAt = System.currentTimeMillis();
      logs.platform(spec.app(), spec.dyno(), "State changed from starting to up");
      pass.run();
    }

    @Override
    public void resize(int newCols, int newRows) {
      if (tty && newCols > 0 && newRows > 0) scheduler.resize(id, newCols, newRows);
    }

    @Override
    public int awaitExit() {
      try {
        return scheduler.awaitExit(id).map(Exit::status).orElse(OneOffs.LOST);
      } finally {
        book.track(id).attached =
            false; // the one-off pass may now report the exit and remove the container
        pass.run();
      }
    }

    @Override
    public void hangUp() {
      pool.execute(
          () -> {
            try {
              if (!scheduler.kill(id, "HUP")) return;
              logs.platform(spec.app(), spec.dyno(), "The client went away: sent SIGHUP");
              scheduler.stop(id, grace);
            } catch (SchedulerException e) {
              log.warn("cannot hang up {} of {}: {}", spec.dyno(), spec.app(), e.getMessage());
            } finally {
              pass.run();
            }
          });
    }
  }
}
