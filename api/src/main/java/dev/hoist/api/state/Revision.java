package dev.hoist.api.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A revision counter that watchers long-poll on. {@link #bump()} advances it inside the caller's
 * transaction; watchers blocked in {@link #awaitPast} wake when that transaction commits. Waiters
 * also re-read the database every second, so a change made by another api process is seen too.
 */
public abstract class Revision {
  private final JdbcTemplate jdbc;
  private final int row;
  private final Object signal = new Object();
  private long wakes; // guarded by signal: lets a waiter tell a commit it has not yet seen

  Revision(JdbcTemplate jdbc, int row) {
    this.jdbc = jdbc;
    this.row = row;
  }

  /** Advances the revision as part of the current transaction; watchers hear of it after commit. */
  public void bump() {
    jdbc.update("update state_revision set revision = revision + 1 where id = ?", row);
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
        if (wakes == seen) signal.wait(Math.min(left, 1000));
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
