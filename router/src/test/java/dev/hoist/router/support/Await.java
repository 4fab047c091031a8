package dev.hoist.router.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits on a condition with a deadline: tests never sleep a fixed time and hope. */
public final class Await {
  private Await() {}

  public static void until(String what, Duration deadline, BooleanSupplier condition) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end)
        throw new AssertionError("timed out after " + deadline + " waiting for " + what);
      Thread.onSpinWait();
      try {
        Thread.sleep(
            5); // polling interval of the condition, not a guess at how long something takes
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }

  public static <T> T value(String what, Duration deadline, Supplier<T> supplier) {
    Object[] box = new Object[1];
    until(what, deadline, () -> (box[0] = supplier.get()) != null);
    @SuppressWarnings("unchecked")
    T value = (T) box[0];
    return value;
  }

  /**
   * Waits until a counter stops moving for {@code quiet}: a stream that backpressure has stalled.
   */
  public static long stalled(
      String what, Duration deadline, Duration quiet, java.util.function.LongSupplier counter) {
    long end = System.nanoTime() + deadline.toNanos();
    long last = counter.getAsLong();
    long since = System.nanoTime();
    while (System.nanoTime() < end) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long now = counter.getAsLong();
      if (now != last) {
        last = now;
        since = System.nanoTime();
      } else if (System.nanoTime() - since >= quiet.toNanos()) {
        return now;
      }
    }
    throw new AssertionError(
        "timed out after " + deadline + " waiting for " + what + " to stall at " + last);
  }
}
