package dev.hoist.dynos.reconcile;

import dev.hoist.dynos.scheduler.Exit;
import dev.hoist.dynos.scheduler.Observed;
import java.io.Closeable;
import java.io.IOException;

/**
 * What the dyno manager knows about one container beyond Docker's view. Fields are written from
 * several threads (probe, stop tasks, reporter) and read by the pass, hence volatile; each is a
 * one-way flag or time.
 */
final class Tracked {
  final String id;
  final long since = System.currentTimeMillis();
  volatile long upAt;
  volatile boolean probing;
  volatile boolean bootTimedOut;
  volatile long drainRequestedAt;
  volatile long drainAckedAt;
  volatile boolean stopping;
  volatile Exit exit; // set once the exit has been handled

  /**
   * A client's attach session holds it: its exit is read by that session before anything removes
   * it.
   */
  volatile boolean attached;

  /** The engine announced its exit (the listing may still say running for a moment). */
  volatile boolean ended;

  private Closeable follower;

  Tracked(String id) {
    this.id = id;
  }

  Dyno view(Observed o) {
    return new Dyno(o, upAt > 0, drainRequestedAt > 0, drainAckedAt, stopping, exit != null);
  }

  synchronized boolean following() {
    return follower != null;
  }

  synchronized void follow(Closeable handle) {
    follower = handle;
  }

  synchronized void close() {
    if (follower == null) return;
    try {
      follower.close();
    } catch (IOException ignored) {
      // the stream is gone with its container
    }
  }
}
