package dev.hoist.router.support;

import dev.hoist.router.log.LogSink;
import dev.hoist.router.log.RouterLogLine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A log sink that keeps every line, with its text, for assertions. */
public final class CapturedLogs implements LogSink {
  public record Line(String app, Instant time, String message) {}

  private final List<Line> lines = new CopyOnWriteArrayList<>();

  @Override
  public void log(String app, RouterLogLine line) {
    lines.add(new Line(app, line.time(), line.format()));
  }

  public List<Line> lines() {
    return lines;
  }

  /** The first line containing {@code text}, waiting for it to be written. */
  public Line await(String text) {
    return Await.value(
        "a log line containing " + text,
        Duration.ofSeconds(10),
        () -> lines.stream().filter(l -> l.message().contains(text)).findFirst().orElse(null));
  }
}
