package dev.hoist.dynos.reconcile;

import java.time.Duration;

/**
 * Crash restart delays: the first crash restarts at once; each further consecutive crash waits
 * {@code initial}, then twice as long each time, up to {@code max} (defaults 0, 5 s, 10 s, 20 s … 5
 * min). A dyno that ran at least {@code reset} before crashing starts the count again, as does a
 * new release or a restart request (they are new slots). A platform app's dynos wait at most {@link
 * #PLATFORM_CAP} ({@link #forPlatform()}): every app depends on them.
 */
public record Backoff(Duration initial, Duration max, Duration reset) {
  public static final Duration PLATFORM_CAP = Duration.ofSeconds(5);

  /** The same backoff, no delay longer than {@link #PLATFORM_CAP}. */
  public Backoff forPlatform() {
    return new Backoff(min(initial, PLATFORM_CAP), min(max, PLATFORM_CAP), reset);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * The delay before the restart that follows the {@code crashes}-th consecutive crash (1-based).
   */
  public Duration delayAfter(int crashes) {
    if (crashes <= 1) return Duration.ZERO;
    int doublings = Math.min(crashes - 2, 30);
    Duration d = initial.multipliedBy(1L << doublings);
    return d.compareTo(max) > 0 ? max : d;
  }

  /**
   * The crash history of one slot after another crash at {@code now}, by a dyno that ran for {@code
   * ranMs}.
   */
  public Crashes afterCrash(Crashes before, long now, long ranMs) {
    int count = ranMs >= reset.toMillis() ? 1 : before.count() + 1;
    return new Crashes(count, now + delayAfter(count).toMillis());
  }

  /** Consecutive crashes of a slot, and when it may start again (epoch ms). */
  public record Crashes(int count, long nextStartAt) {
    public static final Crashes NONE = new Crashes(0, 0);
  }
}
