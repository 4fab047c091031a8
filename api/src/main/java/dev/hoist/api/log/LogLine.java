package dev.hoist.api.log;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One line of an app's log, as Heroku prints it: {@code 2026-11-21T23:35:40.123456+00:00
 * app[web.1]: text}. {@code source} is {@code app} (a dyno's own output) or {@code hoist} (the
 * platform).
 */
public record LogLine(Instant time, String source, String dyno, String message) {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  public String format() {
    return STAMP.format(time) + " " + source + "[" + dyno + "]: " + message;
  }

  /**
   * Whether the line passes a session's filter: source, and a dyno name ("web.1") or a type
   * ("web").
   */
  boolean matches(String wantSource, String wantDyno) {
    if (wantSource != null && !wantSource.equals(source)) return false;
    return wantDyno == null || dyno.equals(wantDyno) || dyno.startsWith(wantDyno + ".");
  }
}
