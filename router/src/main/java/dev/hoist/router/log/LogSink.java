package dev.hoist.router.log;

/**
 * Where the router's per-request lines go: the app's log stream in production ({@link ApiLogSink}),
 * a list in tests.
 *
 * <p>Contract: {@link #log} is called on event-loop threads, once per request that reached an app,
 * so it must return at once: never block on I/O or on another thread's work. {@link ApiLogSink}
 * writes the line's text there, into a buffer of the loop's own, and sends it from a thread of its
 * own. A sink that cannot keep up drops lines and counts them rather than slow the router. {@link
 * #close} flushes what it can and must not throw.
 */
public interface LogSink extends AutoCloseable {
  /** A sink that forgets everything. */
  LogSink NONE = (app, line) -> {};

  /**
   * @param app the app's name: the line goes to that app's stream
   * @param line the request's line, with the time it finished
   */
  void log(String app, RouterLogLine line);

  @Override
  default void close() {}
}
