package dev.hoist.api.log;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Log sessions waiting to be opened, in the database: made on one api process, opened on any. Like
 * logplex's, a session URL is single-use and short-lived: its random id is the credential, so it
 * must not outlive its purpose. Times are the database's, so api processes with skewed clocks agree
 * on what has expired.
 */
@Component
class LogSessions {
  static final Duration LIFETIME = Duration.ofMinutes(5);

  record Session(
      UUID id,
      UUID appId,
      String source,
      String dyno,
      int lines,
      boolean tail,
      Instant createdAt) {}

  private static final RowMapper<Session> SESSION =
      (rs, n) ->
          new Session(
              rs.getObject("id", UUID.class),
              rs.getObject("app_id", UUID.class),
              rs.getString("source"),
              rs.getString("dyno"),
              rs.getInt("lines"),
              rs.getBoolean("tail"),
              rs.getObject("created_at", OffsetDateTime.class).toInstant());

  private final JdbcTemplate jdbc;

  LogSessions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Session create(UUID appId, String source, String dyno, int lines, boolean tail) {
    jdbc.update(
        "delete from log_sessions where created_at < now() - make_interval(secs => ?)",
        LIFETIME.toSeconds());
    return jdbc.queryForObject(
        "insert into log_sessions (id, app_id, source, dyno, lines, tail, created_at)"
            + " values (?, ?, ?, ?, ?, ?, now()) returning *",
        SESSION,
        UUID.randomUUID(),
        appId,
        source,
        dyno,
        lines,
        tail);
  }

  /** Takes the session out: a second GET of the same URL, on any api process, finds nothing. */
  Optional<Session> take(UUID id) {
    List<Session> taken =
        jdbc.query(
            "delete from log_sessions where id = ? returning *,"
                + " created_at >= now() - make_interval(secs => ?) as fresh",
            (rs, n) -> rs.getBoolean("fresh") ? SESSION.mapRow(rs, n) : null,
            id,
            LIFETIME.toSeconds());
    return taken.stream().filter(java.util.Objects::nonNull).findFirst();
  }
}
