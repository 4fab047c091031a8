package dev.hoist.router.log;

import java.time.Instant;

/**
 * Where the router's per-request lines go: the app's log stream in production ({@link ApiLogSink}), a
 * list in tests.
 *
 * <p>Contract: {@link #log} is called on event-loop threads, once per request that reached an app, so it
 * must return at once: never block, never do I/O. A sink that cannot keep up drops lines and counts
 * them rather than slow the router. {@link #close} flushes what it can and must not throw.
 */
public interface LogSink extends AutoCloseable {
  /** A sink that forgets everything. */
  LogSink NONE = (app, time, message) -> {};

  /**
   * @param app     the app's name: the line goes to that app's stream
   * @param time    when the request finished
   * @param message the line, e.g. {@code at=info method=GET path="/" ...}
   */
  void log(String app, Instant time, String message);

  @Override
  default void close() {}
}
