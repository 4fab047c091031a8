package dev.hoist.internal.logs;

import java.time.Instant;

/**
 * One line for {@code POST /internal/logs}: {@code source} is {@code app} (dyno output) or {@code
 * hoist}.
 */
public record LogLine(String app, String source, String dyno, Instant time, String message) {
  public static LogLine app(String app, String dyno, Instant time, String message) {
    return new LogLine(app, "app", dyno, time, message);
  }

  public static LogLine hoist(String app, String dyno, String message) {
    return new LogLine(app, "hoist", dyno, Instant.now(), message);
  }
}
