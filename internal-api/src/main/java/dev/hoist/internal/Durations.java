package dev.hoist.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar of duration settings, for every component: {@code 250ms}, {@code 30s}, {@code
 * 5m}, {@code 1h}; a bare number is seconds; letters in either case. At most {@link #MAX}: longer
 * ones are typing mistakes, and would overflow the millisecond arithmetic of the timers they feed.
 * Also the one way durations are written for users ({@link #words}).
 */
public final class Durations {
  public static final Duration MAX = Duration.ofDays(365);
  private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m|h)?");

  private Durations() {}

  /**
   * @throws IllegalArgumentException naming the text and the grammar
   */
  public static Duration parse(String text) {
    Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches())
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration such as 500ms, 30s, 5m or 1h");
    if (m.group(1).length() > 12)
      throw new IllegalArgumentException("'" + text + "' is longer than a year"); // fits a long
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration d =
        switch (unit) {
          case "ms" -> Duration.ofMillis(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofSeconds(n);
        };
    if (d.compareTo(MAX) > 0)
      throw new IllegalArgumentException("'" + text + "' is longer than a year");
    return d;
  }

  /** The setting {@code key}'s value as a duration; the error names the setting. */
  public static Duration parse(String key, String text) {
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
  }

  /** "15 minutes", "1 minute", "90 seconds": a limit as a user reads it. */
  public static String words(Duration d) {
    long s = d.toSeconds();
    if (s >= 60 && s % 60 == 0) return plural(s / 60, "minute");
    return plural(s, "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
