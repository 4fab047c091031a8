package dev.hoist.api.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.api.support.TestDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * An install that ran V7 (log lines a row each) keeps its log history when V8 moves the lines into
 * chunks: each line becomes a chunk of one, numbered and timed as it was.
 */
class LogChunksUpgradeIT {
  @Test
  void linesWrittenBeforeV8AreChunksAfterIt() throws Exception {
    String db = "upgrade_" + UUID.randomUUID().toString().replace("-", "");
    String admin = TestDatabase.jdbcUrl();
    try (Connection c = DriverManager.getConnection(admin);
        Statement s = c.createStatement()) {
      s.execute("create database " + db);
    }
    String url = admin.replaceFirst("/postgres(\\?|$)", "/" + db + "$1");
    Flyway.configure().dataSource(url, "postgres", "").target("7").load().migrate();
    UUID app = UUID.randomUUID();
    Instant at = Instant.parse("2026-12-07T10:00:00.123456Z");
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("insert into log_heads values ('" + app + "', 2)");
      s.execute(
          "insert into log_lines values ('"
              + app
              + "', 1, '"
              + at
              + "', 'app', 'web.1', 'first'), ('"
              + app
              + "', 2, '"
              + at
              + "', 'heroku', 'router', 'second')");
    }

    Flyway.configure().dataSource(url, "postgres", "").load().migrate();

    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select last_seq, times, sources, dynos, messages from log_chunks where app_id = '"
                    + app
                    + "' order by last_seq")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(1);
      assertThat(first(rs.getArray(2))).isEqualTo(at.getEpochSecond() * 1_000_000L + 123_456L);
      assertThat(first(rs.getArray(3))).isEqualTo("app");
      assertThat(first(rs.getArray(4))).isEqualTo("web.1");
      assertThat(first(rs.getArray(5))).isEqualTo("first");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(2);
      assertThat(first(rs.getArray(5))).isEqualTo("second");
      assertThat(rs.next()).isFalse();
    }
  }

  private static Object first(Array array) throws Exception {
    return ((Object[]) array.getArray())[0];
  }
}
