package dev.hoist.internal.testing;

import java.time.Duration;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * A watched document in a fake api, with the api's long-poll rule: an ask with {@code since} waits
 * until the revision passes it or {@code wait} runs out, then answers the current document either
 * way.
 */
public final class Revisioned<T> {
  private final ToLongFunction<T> revision;
  private T current;
  private long wakes;

  public Revisioned(T initial, ToLongFunction<T> revision) {
    this.current = initial;
    this.revision = revision;
  }

  public synchronized T get() {
    return current;
  }

  public synchronized void set(T next) {
    current = next;
    notifyAll();
  }

  public synchronized void update(UnaryOperator<T> change) {
    set(change.apply(current));
  }

  /** Wakes waiting asks without a change (a fake that starts refusing lets them notice). */
  public synchronized void wake() {
    wakes++;
    notifyAll();
  }

  /**
   * The document once its revision passes {@code since} (null: at once), after {@code wait}, or on
   * {@link #wake}.
   */
  public synchronized T await(Long since, Duration wait) throws InterruptedException {
    long until = System.nanoTime() + wait.toNanos();
    long woken = wakes;
    while (since != null && revision.applyAsLong(current) <= since && wakes == woken) {
      long left = until - System.nanoTime();
      if (left <= 0) break;
      wait(Math.max(1, left / 1_000_000));
    }
    return current;
  }
}
