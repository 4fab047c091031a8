package dev.hoist.build.gateway;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The connections the gateway is serving, SSH and HTTP together, counted from accept to close, so
 * that a stop can let them finish: a push holds its connection from its first byte to its report.
 * Thread-safe.
 */
public final class Connections {
  private int open;

  public synchronized void opened() {
    open++;
  }

  public synchronized void closed() {
    if (--open == 0) notifyAll();
  }

  public synchronized int open() {
    return open;
  }

  /** Waits until none is open, or {@code timeout} passed; true when none is. */
  public synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (open > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) return false;
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
