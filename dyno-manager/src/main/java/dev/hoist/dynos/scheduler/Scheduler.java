package dev.hoist.dynos.scheduler;

import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A backend that runs dynos: {@code docker} ({@link dev.hoist.dynos.docker.DockerScheduler}) drives
 * one Docker engine; a {@code swarm} backend can later drive Swarm services behind the same
 * contract.
 *
 * <p><b>Contract.</b>
 *
 * <ul>
 *   <li>Every container, image and event a scheduler deals with belongs to its <em>scope</em>; it
 *       never lists, stops or removes anything outside it.
 *   <li>Methods block until the backend has answered (a stop blocks up to its grace) and are safe
 *       to call from many threads at once; the reconciler calls them from a pool so that starts run
 *       in parallel.
 *   <li>Expected outcomes are results, never exceptions: a container that is already gone, a name
 *       that is already taken, a slug whose checksum does not match. A {@link SchedulerException}
 *       means the backend itself failed (unreachable, refused); callers log it and try again on the
 *       next pass.
 *   <li>Nothing is cached between calls except prepared images: {@link #list()} is the observed
 *       truth, so a restarted dyno manager adopts the containers it finds.
 * </ul>
 */
public interface Scheduler extends AutoCloseable {

  /** Every dyno container of the scope, running or not. */
  List<Observed> list();

  /**
   * Makes the slug runnable (for Docker: an image of the run stack with the slug at /app, owned by
   * the dyno user). Idempotent and cheap when already done; concurrent calls for one slug share one
   * preparation.
   */
  Prepared prepare(SlugRef slug, SlugDownload download);

  /** Creates and starts a dyno; the address is known on return. */
  StartResult start(DynoSpec spec);

  /** Creates a dyno without starting it (an attached one-off, started by {@link #startCreated}). */
  StartResult create(DynoSpec spec);

  /** Starts a dyno made by {@link #create}. */
  StartResult startCreated(String containerId);

  /**
   * Stops a dyno: SIGTERM to its processes, then SIGKILL after {@code grace}. Blocks until it has
   * exited. Empty when the container was already gone.
   */
  Optional<Exit> stop(String containerId, Duration grace);

  /** Sends a signal (such as {@code KILL} or {@code HUP}); false when the dyno is not running. */
  boolean kill(String containerId, String signal);

  /** Removes a dyno's container, killing it if it still runs; false when it was already gone. */
  boolean remove(String containerId);

  /** How a finished dyno ended; empty when it is gone or still running. */
  Optional<Exit> exit(String containerId);

  /**
   * One sample of a running dyno's memory use in bytes, counted as R14 counts it: what its
   * processes hold, resident or swapped, without the page cache the kernel can drop at once. Cheap
   * enough to call for every dyno every few seconds (one short request to the backend, no waiting
   * for a second sample); empty when the dyno is gone or not running.
   */
  OptionalLong memory(String containerId);

  /** Blocks until the dyno has exited and returns how; empty when it is gone. */
  Optional<Exit> awaitExit(String containerId);

  /**
   * Follows a dyno's output from its start ({@code fromStart}) or from now; closing the handle ends
   * it.
   */
  Closeable follow(String containerId, boolean fromStart, OutputSink sink);

  /** Attaches stdin and output of a created, not yet started dyno. */
  Attachment attach(String containerId, boolean tty);

  /** Resizes the terminal of a dyno created with a TTY; false when it is gone. */
  boolean resize(String containerId, int cols, int rows);

  /**
   * Calls {@code listener} whenever a dyno of the scope starts, exits, is OOM-killed or removed,
   * until closed. It may hear of an exit before {@link #list()} shows it: Docker announces a death
   * before its cleanup.
   */
  Closeable watch(Listener listener);

  /** Hears of dyno events, on the backend's event thread; must return quickly. */
  @FunctionalInterface
  interface Listener {
    /** {@code ended}: the dyno exited, was OOM-killed or removed (false: it started). */
    void changed(String containerId, boolean ended);
  }

  /** The prepared slug images of the scope. */
  List<SlugImage> images();

  /** Removes a prepared slug image; false when it is gone or still used by a container. */
  boolean removeImage(SlugImage image);

  @Override
  void close();
}
