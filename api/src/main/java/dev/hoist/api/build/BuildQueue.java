package dev.hoist.api.build;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The work queue of builds. A claim takes the oldest pending build with {@code FOR UPDATE SKIP
 * LOCKED}, so any number of builders claim at once without taking the same build or waiting on each
 * other. An idle claimer long-polls: it wakes when a build is queued in this process, and re-checks
 * every second for builds queued by another api process.
 */
@Component
class BuildQueue {
  private static final String CLAIM =
      "update builds set status = 'building', claimed_at = now(), "
          + "last_seen_at = now(), updated_at = now() where id = (select id from builds where status = 'pending' "
          + "order by created_at limit 1 for update skip locked) returning id";

  private final JdbcTemplate jdbc;
  private final Object signal = new Object();
  private long queued; // guarded by signal

  BuildQueue(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Wakes idle claimers once the current transaction (which queued a build) commits. */
  void queued() {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            synchronized (signal) {
              queued++;
              signal.notifyAll();
            }
          }
        });
  }

  /** Claims a build, waiting up to {@code waitMillis} for one. */
  Optional<UUID> claim(long waitMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + waitMillis;
    while (true) {
      long seen;
      synchronized (signal) {
        seen = queued;
      }
      List<UUID> claimed = jdbc.queryForList(CLAIM, UUID.class);
      if (!claimed.isEmpty()) return Optional.of(claimed.get(0));
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) return Optional.empty();
      synchronized (signal) {
        if (queued == seen) signal.wait(Math.min(left, 1000));
      }
    }
  }
}
