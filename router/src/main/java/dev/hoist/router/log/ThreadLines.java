package dev.hoist.router.log;

/**
 * The lines one thread (an event loop) has written and the sender has not taken yet. The thread
 * writes each line's text here as it logs it, so that the formatting is spread over the requests
 * instead of done in bursts on the sender thread, where each burst held a core for a few hundred
 * microseconds and delayed the requests waiting for it. The sender swaps the whole batch out for an
 * empty one.
 *
 * <p>A lock, not a lock-free structure: the event loop is nearly always its only user, so taking it
 * is one uncontended compare-and-set per line, and the sender holds it only for the swap.
 */
final class ThreadLines {
  private final int capacity;
  private LogBatch filling = new LogBatch();
  private long refused;

  /**
   * @param capacity lines held before further ones are refused
   */
  ThreadLines(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Writes the line; false, writing nothing, when {@code capacity} lines are already waiting.
   * Refusals are counted here rather than in one counter for all loops, which every loop would then
   * write on every request while the api is away.
   */
  synchronized boolean add(String app, RouterLogLine line) {
    if (filling.lines() >= capacity) {
      refused++;
      return false;
    }
    filling.add(app, line);
    return true;
  }

  /** Lines refused so far. */
  synchronized long refused() {
    return refused;
  }

  /** Returns the lines written so far and goes on in {@code empty}, which must be empty. */
  synchronized LogBatch swap(LogBatch empty) {
    LogBatch full = filling;
    filling = empty;
    return full;
  }
}
