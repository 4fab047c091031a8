package dev.hoist.api.log;

import dev.hoist.api.ApiSettings;
import dev.hoist.api.app.App;
import dev.hoist.api.app.AppAccess;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.web.ApiException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code POST /apps/{app}/log-sessions} makes a one-time URL; {@code GET} on it, on any api
 * process, streams the log as {@code text/plain}: the recent lines, then (with {@code tail}) new
 * lines as they come, from whichever api process took them, until the client goes away. A tailing
 * client that reads too slowly loses lines rather than slowing the platform down.
 */
@RestController
class LogSessionController {
  static final int DEFAULT_LINES = 100;
  static final int TAIL_BUFFER = 10_000;
  static final long MAX_TAIL_MILLIS = TimeUnit.HOURS.toMillis(1);

  private final AppAccess access;
  private final LogStore logs;
  private final LogTails tails;
  private final LogSessions sessions;
  private final ApiSettings settings;

  LogSessionController(
      AppAccess access, LogStore logs, LogTails tails, LogSessions sessions, ApiSettings settings) {
    this.access = access;
    this.logs = logs;
    this.tails = tails;
    this.sessions = sessions;
    this.settings = settings;
  }

  record CreateSession(
      String dyno, String dynoName, String type, String source, Integer lines, Boolean tail) {}

  record SessionView(UUID id, String logplexUrl, Instant createdAt, Instant updatedAt) {}

  @PostMapping("/apps/{app}/log-sessions")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  SessionView create(
      Caller caller, @PathVariable String app, @RequestBody(required = false) CreateSession body) {
    App found = access.visible(caller, app);
    CreateSession b = body == null ? new CreateSession(null, null, null, null, null, null) : body;
    int lines = b.lines() == null ? DEFAULT_LINES : b.lines();
    if (lines < 0 || lines > LogStore.HISTORY)
      throw ApiException.invalid("lines must be from 0 to " + LogStore.HISTORY);
    if (b.source() != null && !b.source().equals("app") && !b.source().equals("hoist")) {
      throw ApiException.invalid("source must be app or hoist");
    }
    String dyno = b.dyno() != null ? b.dyno() : b.dynoName() != null ? b.dynoName() : b.type();
    if (dyno != null && !dyno.matches("^[A-Za-z0-9_-]{1,128}(\\.\\d{1,9})?$")) {
      throw ApiException.invalid("dyno must be a dyno name (web.1) or a process type (web)");
    }
    LogSessions.Session s =
        sessions.create(found.id(), b.source(), dyno, lines, Boolean.TRUE.equals(b.tail()));
    String url = settings.publicUrl().replaceAll("/+$", "") + "/log-sessions/" + s.id();
    return new SessionView(s.id(), url, s.createdAt(), s.createdAt());
  }

  @GetMapping("/log-sessions/{id}")
  ResponseEntity<StreamingResponseBody> stream(@PathVariable String id) {
    LogSessions.Session s =
        dev.hoist.api.auth.AccountService.asUuid(id)
            .flatMap(sessions::take)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "this log session does not exist or was used; make a new one"));
    StreamingResponseBody body =
        out -> {
          BlockingQueue<LogLine> live = new LinkedBlockingQueue<>(TAIL_BUFFER);
          LogStore.History history = logs.recent(s.appId(), s.lines(), s.source(), s.dyno());
          // The tail starts right after the history's head: no line is missed or sent twice.
          try (AutoCloseable sub =
              s.tail() ? tails.follow(s.appId(), history.head(), live::offer) : () -> {}) {
            for (LogLine line : history.lines()) write(out, line);
            out.flush();
            if (s.tail()) follow(out, live, s, tails);
          } catch (IOException e) {
            // the client went away: nothing to do
          } catch (Exception e) {
            throw new IOException(e);
          }
        };
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
        .body(body);
  }

  private static void follow(
      OutputStream out, BlockingQueue<LogLine> live, LogSessions.Session s, LogTails tails)
      throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + MAX_TAIL_MILLIS;
    while (System.currentTimeMillis() < deadline && tails.isRunning()) {
      LogLine line = live.poll(1, TimeUnit.SECONDS);
      if (line == null) continue;
      if (line.matches(s.source(), s.dyno())) write(out, line);
      if (live.isEmpty()) out.flush();
    }
  }

  private static void write(OutputStream out, LogLine line) throws IOException {
    out.write((line.format() + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
