package dev.hoist.api.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The revision of all desired state. Every change to releases, formation or apps calls {@link #bump()}
 * inside its transaction; watchers blocked in {@link #awaitPast} wake when that transaction commits.
 * Waiters also re-read the database every second, so a change made by another api process is seen too.
 */
@Component
public class StateRevision {
  private final JdbcTemplate jdbc;
  private final Object signal = new Object();
  private long wakes; // guarded by signal: lets a waiter tell a commit it has not yet seen

  StateRevision(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Advances the revision as part of the current transaction; watchers hear of it after commit. */
  public void bump() {
    jdbc.update("update state_revision set revision = revision + 1 where id = 1");
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
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
    Long revision = jdbc.queryForObject("select revision from state_revision where id = 1", Long.class);
    return revision == null ? 0 : revision;
  }

  /** Blocks until the revision passes {@code since} or {@code waitMillis} pass; returns the revision. */
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
