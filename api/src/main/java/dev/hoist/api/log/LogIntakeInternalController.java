package dev.hoist.api.log;

import dev.hoist.api.web.ApiException;
import dev.hoist.internal.logs.LogLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/logs}: lines from the dyno manager, the router and the build service. A
 * batch is checked whole (a malformed line refuses the batch), then stored in one statement; lines
 * of apps that do not exist are dropped. Two forms: a JSON array of line objects, and plain text
 * for senders of many lines of one source and dyno (the router, a line per request): about a third
 * fewer bytes, and nothing to parse but spaces.
 */
@RestController
class LogIntakeInternalController {
  static final int MAX_BATCH = 1000;
  static final int MAX_MESSAGE_BYTES = 10_000;
  private static final Set<String> SOURCES = Set.of("app", "hoist");
  private static final Pattern DYNO = Pattern.compile("^[A-Za-z0-9_.-]{1,140}$");

  private final LogStore logs;
  private final dev.hoist.api.build.BuildService builds;

  LogIntakeInternalController(LogStore logs, dev.hoist.api.build.BuildService builds) {
    this.logs = logs;
    this.builds = builds;
  }

  @PostMapping("/internal/logs")
  Map<String, Integer> intake(@RequestBody List<LogLine> lines) {
    if (lines.size() > MAX_BATCH)
      throw ApiException.tooLarge("send at most " + MAX_BATCH + " lines per request");
    for (LogLine l : lines) check(l);
    Map<String, UUID> ids =
        logs.appIds(lines.stream().map(LogLine::app).collect(Collectors.toSet()));
    List<LogStore.Entry> kept = new ArrayList<>(lines.size());
    for (LogLine l : lines) {
      UUID id = ids.get(l.app());
      if (id == null) continue;
      kept.add(
          new LogStore.Entry(
              id,
              new dev.hoist.api.log.LogLine( // the stored line; the one sent is internal-api's
                  l.time() == null ? Instant.now() : l.time(), l.source(), l.dyno(), l.message())));
    }
    logs.append(kept);
    for (LogStore.Entry e : kept) {
      String dyno = e.line().dyno();
      if (e.line().source().equals("app") && dyno.startsWith("release."))
        builds.releasePhaseOutput(e.appId(), dyno, e.line().message());
    }
    return Map.of("accepted", kept.size(), "dropped", lines.size() - kept.size());
  }

  /**
   * The text form: {@code ?source=S&dyno=D}, then one line per log line, {@code APP TIME MESSAGE}
   * (single spaces, TIME as in the JSON form), lines ended by LF.
   */
  @PostMapping(path = "/internal/logs", consumes = MediaType.TEXT_PLAIN_VALUE)
  Map<String, Integer> intakeText(
      @RequestParam String source, @RequestParam String dyno, @RequestBody String body) {
    List<LogLine> lines = new ArrayList<>();
    int start = 0;
    while (start < body.length()) {
      int end = body.indexOf('\n', start);
      if (end < 0) end = body.length();
      if (lines.size() == MAX_BATCH)
        throw ApiException.tooLarge("send at most " + MAX_BATCH + " lines per request");
      lines.add(textLine(body.substring(start, end), source, dyno));
      start = end + 1;
    }
    return intake(lines);
  }

  private static LogLine textLine(String line, String source, String dyno) {
    int app = line.indexOf(' ');
    int time = app < 0 ? -1 : line.indexOf(' ', app + 1);
    if (app <= 0 || time < 0)
      throw ApiException.invalid("each line is APP TIME MESSAGE, not: " + abbreviate(line));
    try {
      return new LogLine(
          line.substring(0, app),
          source,
          dyno,
          Instant.parse(line.substring(app + 1, time)),
          line.substring(time + 1));
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("bad time in: " + abbreviate(line));
    }
  }

  private static String abbreviate(String line) {
    return line.length() > 80 ? line.substring(0, 80) + "…" : line;
  }

  private static void check(LogLine l) {
    if (l == null || l.app() == null || l.message() == null)
      throw ApiException.invalid("each line needs app and message");
    if (!SOURCES.contains(l.source()))
      throw ApiException.invalid("source must be app or hoist, not " + l.source());
    if (l.dyno() == null || !DYNO.matcher(l.dyno()).matches())
      throw ApiException.invalid("bad dyno " + l.dyno());
    if (l.message().getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
      throw ApiException.invalid("a message is over " + MAX_MESSAGE_BYTES + " bytes: split it");
    }
  }
}
