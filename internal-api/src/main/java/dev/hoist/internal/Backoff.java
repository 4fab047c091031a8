package dev.hoist.internal;

import java.time.Duration;

/**
 * The pause between failed attempts to reach the api: {@code first}, doubling up to {@code max},
 * back to {@code first} after a success. Not thread-safe: each loop owns one.
 */
public final class Backoff {
  private final Duration first;
  private final Duration max;
  private Duration next;

  public Backoff(Duration first, Duration max) {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "backoff needs 0 < first <= max, not " + first + " and " + max);
    }
    this.first = first;
    this.max = max;
    this.next = first;
  }

  /** The pause to take now; the one after it is twice as long, up to the maximum. */
  public Duration next() {
    Duration now = next;
    next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
    return now;
  }

  public void reset() {
    next = first;
  }

  /** Sleeps {@link #next()}; false when interrupted (the loop is being stopped). */
  public boolean pause() {
    try {
      Thread.sleep(next().toMillis()); // a retry backoff, not a wait for a condition
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
