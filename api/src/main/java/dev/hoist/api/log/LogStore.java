package dev.hoist.api.log;

import dev.hoist.api.notify.Writes;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each app's recent log, in PostgreSQL, which every api process writes and reads: the newest
 * {@value #HISTORY} lines (logplex's tail buffer), numbered per app in commit order. Lines are kept
 * per app id, so a rename keeps the history, and they survive api restarts. Each stored batch sends
 * a notice on {@value #CHANNEL} ({@code APP_ID HEAD}, the app's newest line number), from which
 * {@link LogTails} feeds the live tails of every api process.
 *
 * <p>Lines written inside a transaction are stored as it commits, in one statement with its other
 * lines, and not at all if it rolls back.
 */
@Component
public class LogStore {
  public static final int HISTORY = 1500;

  /**
   * Lines beyond the newest {@value #HISTORY} are deleted when an app's line count crosses a
   * multiple of this, some {@value #TRIM_EVERY} at a time, rather than one with every line.
   */
  static final int TRIM_EVERY = 100;

  static final String CHANNEL = "hoist_logs";

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
          .formatted(TRIM_EVERY, HISTORY, CHANNEL);

  /** The columns {@link #lines} reads, in its order. */
  static final String CHUNK = "last_seq, times, sources, dynos, messages";

  /** A line and the app it belongs to. */
  public record Entry(UUID appId, LogLine line) {}

  /** Lines of an app, oldest first, and the app's newest line number when they were read. */
  public record History(List<LogLine> lines, long head) {}

  private final JdbcTemplate jdbc;
  private final Writes writes;
  private final Object pendingKey = new Object();

  LogStore(JdbcTemplate jdbc, Writes writes) {
    this.jdbc = jdbc;
    this.writes = writes;
  }

  public void append(UUID appId, LogLine line) {
    append(List.of(new Entry(appId, line)));
  }

  /** A platform line ({@code hoist[component]: message}) stamped now. */
  public void platform(UUID appId, String component, String message) {
    append(appId, new LogLine(Instant.now(), "hoist", component, message));
  }

  /** Stores the lines, in order; inside a transaction, as it commits. */
  public void append(List<Entry> entries) {
    if (entries.isEmpty()) return;
    switch (writes.phase()) {
      case NONE -> insert(jdbc, entries);
      case UNWRITABLE -> writes.inOwnTransaction(own -> insert(own, entries));
      case OPEN -> {
        Pending pending = pending();
        if (pending == null || pending.written) insert(jdbc, entries);
        else pending.entries.addAll(entries);
      }
    }
  }

  /** The ids of the apps of these names that exist. */
  Map<String, UUID> appIds(Collection<String> names) {
    Map<String, UUID> ids = new HashMap<>();
    jdbc.query(
        con -> {
          PreparedStatement ps =
              con.prepareStatement("select name, id from apps where name = any(?)");
          ps.setArray(1, con.createArrayOf("text", names.toArray()));
          return ps;
        },
        rs -> {
          ids.put(rs.getString(1), rs.getObject(2, UUID.class));
        });
    return ids;
  }

  /**
   * The newest {@code max} lines that pass the filter, among the app's newest {@value #HISTORY}.
   */
  public History recent(UUID appId, int max, String source, String dyno) {
    long head =
        jdbc.query(
            "select head from log_heads where app_id = ?",
            rs -> rs.next() ? rs.getLong(1) : 0L,
            appId);
    if (head == 0 || max == 0) return new History(List.of(), head);
    List<Numbered> all =
        jdbc.query(
            "select "
                + CHUNK
                + " from log_chunks where app_id = ? and last_seq > ? and last_seq <= ?"
                + " order by last_seq",
            LogStore::lines,
            appId,
            head - HISTORY,
            head);
    List<LogLine> kept =
        all.stream()
            .filter(n -> n.seq() > head - HISTORY && n.line().matches(source, dyno))
            .map(Numbered::line)
            .toList();
    return new History(kept.subList(Math.max(0, kept.size() - max), kept.size()), head);
  }

  /** Forgets a deleted app's lines. */
  public void forget(UUID appId) {
    writes.run(
        j -> {
          j.update("delete from log_chunks where app_id = ?", appId);
          return j.update("delete from log_heads where app_id = ?", appId);
        });
  }

  /** A stored line and its number in its app's log. */
  record Numbered(long seq, LogLine line) {}

  /** The lines of the chunks in {@code rs} (columns {@link #CHUNK}), in order. */
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

  private static Void insert(JdbcTemplate jdbc, List<Entry> entries) {
    Map<UUID, List<LogLine>> byApp = new TreeMap<>();
    for (Entry e : entries) byApp.computeIfAbsent(e.appId(), id -> new ArrayList<>()).add(e.line());
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

  /** This transaction's lines, written as it commits; null when there is no synchronization. */
  private Pending pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) return null;
    Pending pending = (Pending) TransactionSynchronizationManager.getResource(pendingKey);
    if (pending == null) {
      pending = new Pending();
      TransactionSynchronizationManager.bindResource(pendingKey, pending);
      TransactionSynchronizationManager.registerSynchronization(pending);
    }
    return pending;
  }

  private final class Pending implements TransactionSynchronization {
    final List<Entry> entries = new ArrayList<>();
    boolean written;

    @Override
    public void beforeCommit(boolean readOnly) {
      written = true;
      if (!entries.isEmpty()) insert(jdbc, entries);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(pendingKey);
    }
  }
}
