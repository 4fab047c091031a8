package dev.hoist.build.compiler;

import java.time.Duration;

/** "15 minutes", "1 minute", "90 seconds": a limit as the user reads it. */
final class Durations {
  private Durations() {}

  static String words(Duration d) {
    long s = d.toSeconds();
    if (s >= 60 && s % 60 == 0) return plural(s / 60, "minute");
    return plural(s, "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
