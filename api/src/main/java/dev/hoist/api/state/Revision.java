package dev.hoist.api.state;

import dev.hoist.api.notify.Notifications;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A revision counter that watchers long-poll on. {@link #bump()} advances it inside the caller's
 * transaction and sends a notice on {@value #CHANNEL}, which PostgreSQL delivers when that
 * transaction commits: watchers blocked in {@link #awaitPast} wake then, in every api process. In
 * this process they are also woken directly after the commit, and a waiter re-reads the revision
 * now and then ({@link Notifications#fallbackMillis}) in case a notice was lost.
 */
public abstract class Revision {
  static final String CHANNEL = "hoist_revision";
  private static final String BUMP =
      "with bumped as (update state_revision set revision = revision + 1 where id = ? returning id)"
          + " select pg_notify('"
          + CHANNEL
          + "', id::text) from bumped";

  private final JdbcTemplate jdbc;
  private final Notifications notifications;
  private final int row;
  private final Object signal = new Object();
  private long wakes; // guarded by signal: lets a waiter tell a commit it has not yet seen

  Revision(JdbcTemplate jdbc, Notifications notifications, int row) {
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.row = row;
    String mine = Integer.toString(row);
    notifications.listen(
        CHANNEL,
        payload -> {
          if (payload.equals(mine)) wake();
        },
        this::wake);
  }

  /** Advances the revision as part of the current transaction; watchers hear of it after commit. */
  public void bump() {
    jdbc.query(BUMP, rs -> {}, row);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              wake();
            }
          });
    } else {
      wake();
    }
  }

  public long current() {
    Long revision =
        jdbc.queryForObject("select revision from state_revision where id = ?", Long.class, row);
    return revision == null ? 0 : revision;
  }

  public static final int MAX_WAIT_SECONDS = 60;

  /**
   * A watcher's long poll, as both watch endpoints take it: without {@code since} it returns at
   * once; with it, it waits up to {@code waitSeconds} (0 to {@value #MAX_WAIT_SECONDS}, else 400)
   * for a change. Returns whether the revision moved past {@code since}.
   */
  public boolean watch(Long since, int waitSeconds) throws InterruptedException {
    if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
      throw dev.hoist.api.web.ApiException.badRequest("wait must be 0 to " + MAX_WAIT_SECONDS);
    }
    return since != null && awaitPast(since, waitSeconds * 1000L) > since;
  }

  /**
   * Blocks until the revision passes {@code since} or {@code waitMillis} pass; returns the
   * revision.
   */
  public long awaitPast(long since, long waitMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + waitMillis;
    long seen;
    synchronized (signal) {
      seen = wakes;
    }
    long revision = current();
    while (revision <= since) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) break;
      synchronized (signal) {
        if (wakes == seen) signal.wait(Math.min(left, notifications.fallbackMillis()));
        seen = wakes;
      }
      revision = current();
    }
    return revision;
  }

  private void wake() {
    synchronized (signal) {
      wakes++;
      signal.notifyAll();
    }
  }
}
