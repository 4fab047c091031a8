package dev.hoist.router.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code 2026-11-21T23:35:40.123456Z}: UTC with microseconds, as the api takes log times, written
 * as ASCII straight into the caller's buffer. The part up to the second changes once a second, so
 * it is formatted once and reused; only the six digits are written per line. (A DateTimeFormatter
 * with {@code SSSSSS} goes through BigDecimal and was the largest allocation on the router's log
 * path.) One instance per thread.
 */
final class LogTime {
  /** Bytes {@link #write} adds. */
  static final int LENGTH = "2026-11-21T23:35:40.123456Z".length();

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.").withZone(ZoneOffset.UTC);

  private long second = Long.MIN_VALUE;
  private byte[] prefix;

  /**
   * Writes {@code time} at {@code buf[at]}, which has room for {@link #LENGTH} bytes; returns the
   * end.
   */
  int write(Instant time, byte[] buf, int at) {
    if (time.getEpochSecond() != second) {
      second = time.getEpochSecond();
      prefix = SECONDS.format(time).getBytes(StandardCharsets.US_ASCII);
    }
    System.arraycopy(prefix, 0, buf, at, prefix.length);
    int end = at + prefix.length + 6;
    int micros = time.getNano() / 1000;
    for (int i = end - 1; i >= end - 6; i--, micros /= 10) buf[i] = (byte) ('0' + micros % 10);
    buf[end] = 'Z';
    return end + 1;
  }
}
