package dev.hoist.router.log;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code 2026-11-21T23:35:40.123456Z}: UTC with microseconds, as the api takes log times. The part up
 * to the second changes once a second, so it is formatted once and reused; only the six digits are
 * written per line. (A DateTimeFormatter with {@code SSSSSS} goes through BigDecimal and was the largest
 * allocation on the router's log path.) One instance per thread.
 */
final class LogTime {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.").withZone(ZoneOffset.UTC);

  private long second = Long.MIN_VALUE;
  private String prefix;

  String format(Instant time) {
    if (time.getEpochSecond() != second) {
      second = time.getEpochSecond();
      prefix = SECONDS.format(time);
    }
    int micros = time.getNano() / 1000;
    char[] digits = {'0', '0', '0', '0', '0', '0', 'Z'};
    for (int i = 5; i >= 0; i--, micros /= 10) digits[i] = (char) ('0' + micros % 10);
    return prefix.concat(new String(digits));
  }
}
