package dev.hoist.api.log;

import dev.hoist.api.notify.Writes;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each app's recent log, in PostgreSQL, which every api process writes and reads: the newest
 * {@value #HISTORY} lines (logplex's tail buffer), numbered per app in commit order and stored as
 * {@link LogChunks}. Lines are kept per app id, so a rename keeps the history, and they survive api
 * restarts. Each stored batch sends a notice on {@value #CHANNEL} ({@code APP_ID HEAD}, the app's
 * newest line number), from which {@link LogTails} feeds the live tails of every api process.
 *
 * <p>Lines written inside a transaction are stored as it commits, in one statement with its other
 * lines, and not at all if it rolls back; lines written after it committed (from an {@code
 * afterCommit} callback) are stored on a connection of their own.
 */
@Component
public class LogStore {
  public static final int HISTORY = 1500;

  static final String CHANNEL = "hoist_logs";

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
      case NONE -> LogChunks.insert(jdbc, entries);
      case UNWRITABLE -> writes.inOwnTransaction(own -> LogChunks.insert(own, entries));
      case OPEN -> {
        Pending pending = pending();
        if (pending == null || pending.written) LogChunks.insert(jdbc, entries);
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
    List<LogChunks.Numbered> all =
        jdbc.query(
            "select "
                + LogChunks.COLUMNS
                + " from log_chunks where app_id = ? and last_seq > ? and last_seq <= ?"
                + " order by last_seq",
            LogChunks::lines,
            appId,
            head - HISTORY,
            head);
    List<LogLine> kept =
        all.stream()
            .filter(n -> n.seq() > head - HISTORY && n.line().matches(source, dyno))
            .map(LogChunks.Numbered::line)
            .toList();
    return new History(kept.subList(Math.max(0, kept.size() - max), kept.size()), head);
  }

  /** Forgets a deleted app's lines. */
  public void forget(UUID appId) {
    writes.run(
        j -> {
          j.update("delete from log_chunks where app_id = ?", appId);
          // Lines an api of the release before V8 wrote, while a deploy overlapped the two.
          j.update("delete from log_lines where app_id = ?", appId);
          return j.update("delete from log_heads where app_id = ?", appId);
        });
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
      if (!entries.isEmpty()) LogChunks.insert(jdbc, entries);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(pendingKey);
    }
  }
}
