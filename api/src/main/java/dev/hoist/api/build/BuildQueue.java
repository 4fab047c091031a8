package dev.hoist.api.build;

import dev.hoist.api.notify.Notifications;
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
 * other. An idle claimer long-polls: it wakes when a build is queued, in this api process or
 * another (a notice on {@value #CHANNEL}, delivered as the queuing transaction commits), and
 * re-checks now and then in case a notice was lost.
 */
@Component
class BuildQueue {
  static final String CHANNEL = "hoist_builds";
  private static final String CLAIM =
      "update builds set status = 'building', claimed_at = now(), "
          + "last_seen_at = now(), updated_at = now() where id = (select id from builds where status = 'pending' "
          + "order by created_at limit 1 for update skip locked) returning id";

  private final JdbcTemplate jdbc;
  private final Notifications notifications;
  private final Object signal = new Object();
  private long queued; // guarded by signal

  BuildQueue(JdbcTemplate jdbc, Notifications notifications) {
    this.jdbc = jdbc;
    this.notifications = notifications;
    notifications.listen(CHANNEL, payload -> wake(), this::wake);
  }

  /** Wakes idle claimers, here and in every api process, once the current transaction commits. */
  void queued() {
    jdbc.query("select pg_notify('" + CHANNEL + "', '')", rs -> {});
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            wake();
          }
        });
  }

  private void wake() {
    synchronized (signal) {
      queued++;
      signal.notifyAll();
    }
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
        if (queued == seen) signal.wait(Math.min(left, notifications.fallbackMillis()));
      }
    }
  }
}
