package dev.hoist.dynos;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as settings write them: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}; a bare number is
 * seconds. At most {@link #MAX}: longer ones are typing mistakes, and would overflow the millisecond
 * arithmetic of the timers they feed.
 */
final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m|h)?");
  static final Duration MAX = Duration.ofDays(365);

  private Durations() {}

  static Duration parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) throw new IllegalArgumentException("'" + text + "' is not a duration such as 500ms, 30s, 5m or 1h");
    if (m.group(1).length() > 12) throw new IllegalArgumentException("'" + text + "' is longer than a year"); // fits a long
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration d = switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
    if (d.compareTo(MAX) > 0) throw new IllegalArgumentException("'" + text + "' is longer than a year");
    return d;
  }
}
