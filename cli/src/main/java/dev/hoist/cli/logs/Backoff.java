package dev.hoist.cli.logs;

import java.time.Duration;

/**
 * The waits between two attempts to reopen a log stream: 0.5 s, then twice the last, never more
 * than {@link #MAX}. A deploy of the api takes a few seconds, so the first attempts come quickly;
 * the cap keeps a longer outage from being noticed late.
 */
final class Backoff {

  static final Duration FIRST = Duration.ofMillis(500);
  static final Duration MAX = Duration.ofSeconds(5);

  private Duration next = FIRST;

  /** The wait before the next attempt; each call doubles the one after it, up to {@link #MAX}. */
  Duration next() {
    Duration wait = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(MAX) > 0 ? MAX : doubled;
    return wait;
  }

  /** Starts again from {@link #FIRST}, after a stream that ran well. */
  void reset() {
    next = FIRST;
  }
}
