package dev.hoist.api.log;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How log lines are stored: a chunk to a row, the lines one batch brought for one app, as parallel
 * arrays (table {@code log_chunks}), so a router batch of a thousand lines costs a row per app, not
 * a thousand. A chunk's lines are numbered up to its {@code last_seq}; the numbers come from the
 * app's {@code log_heads} row, whose lock the batch holds until it commits, so they follow commit
 * order.
 */
final class LogChunks {
  /**
   * Lines beyond the newest {@value LogStore#HISTORY} are deleted when an app's line count crosses
   * a multiple of this, some {@value #TRIM_EVERY} at a time, rather than with every line.
   */
  static final int TRIM_EVERY = 100;

  /**
   * One statement for a whole batch, of any number of apps. The lines come grouped by app (apps in
   * id order, so two batches never wait on each other's heads in a cycle), with each app's count;
   * each app's lines become one chunk (a slice of the flat arrays), its head moves by their count
   * and numbers the chunk's last line, old chunks go when a head crosses a multiple of TRIM_EVERY,
   * and one notice per app is sent (delivered at commit).
   */
  private static final String INSERT =
      """
      with input as (
        select ?::bigint[] as times, ?::text[] as sources, ?::text[] as dynos,
          ?::text[] as messages),
      chunks as (
        select app_id, n, sum(n) over (order by ord) - n + 1 as first, ord
        from unnest(?::uuid[], ?::int[]) with ordinality as c(app_id, n, ord)),
      heads as (
        insert into log_heads as h (app_id, head)
        select app_id, n from chunks order by ord
        on conflict (app_id) do update set head = h.head + excluded.head
        returning h.app_id, h.head),
      added as (
        insert into log_chunks (app_id, last_seq, times, sources, dynos, messages)
        select c.app_id, h.head, i.times[c.first : c.first + c.n - 1],
          i.sources[c.first : c.first + c.n - 1], i.dynos[c.first : c.first + c.n - 1],
          i.messages[c.first : c.first + c.n - 1]
        from chunks c join heads h on h.app_id = c.app_id cross join input i),
      trimmed as (
        delete from log_chunks l using heads h, chunks c
        where l.app_id = h.app_id and c.app_id = h.app_id
          and h.head / %1$d > (h.head - c.n) / %1$d and l.last_seq <= h.head - %2$d)
      select pg_notify('%3$s', app_id::text || ' ' || head) from heads
      """
          .formatted(TRIM_EVERY, LogStore.HISTORY, LogStore.CHANNEL);

  /** The columns {@link #lines} reads, in its order. */
  static final String COLUMNS = "last_seq, times, sources, dynos, messages";

  private LogChunks() {}

  /** A stored line and its number in its app's log. */
  record Numbered(long seq, LogLine line) {}

  /** The lines of the chunks in {@code rs} (columns {@link #COLUMNS}), in order. */
  static List<Numbered> lines(ResultSet rs) throws SQLException {
    List<Numbered> lines = new ArrayList<>();
    while (rs.next()) {
      long last = rs.getLong(1);
      Long[] times = (Long[]) rs.getArray(2).getArray();
      String[] sources = (String[]) rs.getArray(3).getArray();
      String[] dynos = (String[]) rs.getArray(4).getArray();
      String[] messages = (String[]) rs.getArray(5).getArray();
      long first = last - times.length + 1;
      for (int i = 0; i < times.length; i++) {
        Instant time =
            Instant.ofEpochSecond(
                Math.floorDiv(times[i], 1_000_000L), Math.floorMod(times[i], 1_000_000L) * 1000);
        lines.add(new Numbered(first + i, new LogLine(time, sources[i], dynos[i], messages[i])));
      }
    }
    return lines;
  }

  /** Stores the lines in one statement; returns nothing, for {@code Writes}' sake. */
  static Void insert(JdbcTemplate jdbc, List<LogStore.Entry> entries) {
    Map<UUID, List<LogLine>> byApp = new TreeMap<>();
    for (LogStore.Entry e : entries)
      byApp.computeIfAbsent(e.appId(), id -> new ArrayList<>()).add(e.line());
    int n = entries.size();
    Object[] times = new Object[n];
    Object[] sources = new Object[n];
    Object[] dynos = new Object[n];
    Object[] messages = new Object[n];
    Object[] apps = byApp.keySet().toArray();
    Object[] counts = new Object[apps.length];
    int i = 0;
    int app = 0;
    for (List<LogLine> lines : byApp.values()) {
      counts[app++] = lines.size();
      for (LogLine l : lines) {
        times[i] = l.time().getEpochSecond() * 1_000_000L + l.time().getNano() / 1000;
        sources[i] = l.source();
        dynos[i] = l.dyno();
        messages[i++] = l.message();
      }
    }
    jdbc.query(
        con -> {
          PreparedStatement ps = con.prepareStatement(INSERT);
          Array[] arrays = {
            con.createArrayOf("bigint", times),
            con.createArrayOf("text", sources),
            con.createArrayOf("text", dynos),
            con.createArrayOf("text", messages),
            con.createArrayOf("uuid", apps),
            con.createArrayOf("int4", counts)
          };
          for (int a = 0; a < arrays.length; a++) ps.setArray(a + 1, arrays[a]);
          return ps;
        },
        rs -> {});
    return null;
  }
}
