package dev.hoist.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * The long-poll loop of every watcher of the api (the dyno manager's desired state, the router's
 * routes): on a thread of its own it asks for the document past the last revision it saw, hands
 * every answer to a listener, and asks again. Watches are level-triggered (docs/internal-api.md):
 * an answer is the whole state, so a missed or repeated answer is harmless.
 *
 * <p>When the api cannot be reached or refuses, the listener simply hears nothing new (it keeps the
 * last state), the loop asks again after a {@link Backoff} of 0.5 s doubling to 10 s, and the first
 * ask after an error is a full one ({@code since} null) that the api answers at once. An outage is
 * logged once, when it begins and when it ends, not once per attempt. An answer the listener cannot
 * use (it throws) counts as a failure too: the same backoff, the same one line per streak, so a bad
 * document is neither installed nor asked for again in a tight loop.
 *
 * @param <T> the document watched
 */
public final class Watch<T> implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Watch.class.getName());
  static final Duration FIRST_RETRY = Duration.ofMillis(500);
  static final Duration LAST_RETRY = Duration.ofSeconds(10);

  /**
   * One ask: the document past revision {@code since}, or the current one at once when it is null.
   */
  @FunctionalInterface
  public interface Poll<T> {
    T poll(Long since) throws IOException;
  }

  private final String what;
  private final Poll<T> poll;
  private final ToLongFunction<T> revision;
  private final Consumer<T> listener;
  private final Thread thread;
  private volatile boolean closed;

  private Watch(String what, Poll<T> poll, ToLongFunction<T> revision, Consumer<T> listener) {
    this.what = what;
    this.poll = poll;
    this.revision = revision;
    this.listener = listener;
    this.thread = new Thread(this::run, "watch-" + what.replace(' ', '-'));
    thread.setDaemon(true);
  }

  /**
   * Starts watching on a daemon thread.
   *
   * @param what what is watched, for the thread's name and the log ("desired state", "routes")
   * @param revision the revision of an answer, passed as {@code since} to the next ask
   * @param listener called on the watch's thread with every answer, in order
   */
  public static <T> Watch<T> start(
      String what, Poll<T> poll, ToLongFunction<T> revision, Consumer<T> listener) {
    Watch<T> watch = new Watch<>(what, poll, revision, listener);
    watch.thread.start();
    return watch;
  }

  private void run() {
    Long since = null;
    Backoff backoff = new Backoff(FIRST_RETRY, LAST_RETRY);
    String failing = null; // what went wrong, from the first failure of a streak until a success
    while (!closed) {
      try {
        T answer = poll.poll(since);
        since = revision.applyAsLong(answer);
        listener.accept(answer);
      } catch (IOException | RuntimeException e) {
        if (closed || Thread.currentThread().isInterrupted()) return;
        if (failing == null) {
          failing = describe(e);
          LOG.log(
              Level.WARNING,
              "cannot take the {0} from the api ({1}); keeping the last and asking again",
              what,
              failing);
        }
        since = null;
        if (!backoff.pause()) return;
        continue;
      }
      if (failing != null) LOG.log(Level.INFO, "the api answers again with the {0}", what);
      failing = null;
      backoff.reset();
    }
  }

  private static String describe(Exception e) {
    if (e instanceof InternalApiException x && x.status() > 0) {
      return x.status() + " " + x.id() + ": " + x.getMessage();
    }
    return e instanceof RuntimeException ? e.toString() : String.valueOf(e.getMessage());
  }

  /** Stops the loop; an ask in flight is abandoned. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
