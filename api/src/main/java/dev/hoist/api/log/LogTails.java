package dev.hoist.api.log;

import dev.hoist.api.notify.Notifications;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live tails ({@code --tail}) open on this api process. Lines stored by any api process come as
 * a notice from {@link LogStore} ("app X's newest line is now N"); one thread then reads the new
 * lines of that app once, for all its tails here, and hands each tail the lines past its own
 * position: in order, none twice, none skipped (an app's lines are numbered in commit order).
 * Subscribers are called on that thread and must not block.
 *
 * <p>As a lifecycle bean it stops before the web server's graceful shutdown, so tailing sessions
 * end at once rather than holding the shutdown for its whole grace period.
 */
@Component
class LogTails implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(LogTails.class);

  /** Chunks read at once. */
  static final int FETCH = 100;

  private static final class Tail {
    final Consumer<LogLine> subscriber;
    long after; // written by the fetching thread only, once the tail is registered

    Tail(Consumer<LogLine> subscriber, long after) {
      this.subscriber = subscriber;
      this.after = after;
    }
  }

  private final JdbcTemplate jdbc;
  private final Notifications notifications;
  private final Map<UUID, List<Tail>> tails = new ConcurrentHashMap<>();
  private final Set<UUID> due = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService fetcher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "log-tails");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean running;

  LogTails(JdbcTemplate jdbc, Notifications notifications) {
    this.jdbc = jdbc;
    this.notifications = notifications;
    notifications.listen(LogStore.CHANNEL, this::notified, this::fetchAll);
  }

  /**
   * Calls {@code subscriber} with every line of the app numbered above {@code after} (the head of
   * the history the caller has read), until the returned handle is closed.
   */
  AutoCloseable follow(UUID appId, long after, Consumer<LogLine> subscriber) {
    Tail tail = new Tail(subscriber, after);
    tails.computeIfAbsent(appId, id -> new CopyOnWriteArrayList<>()).add(tail);
    fetchSoon(appId); // lines stored between the caller's read and now sent no notice it heard
    return () ->
        tails.computeIfPresent(
            appId,
            (id, list) -> {
              list.remove(tail);
              return list.isEmpty() ? null : list;
            });
  }

  private void notified(String payload) {
    int space = payload.indexOf(' ');
    if (space < 0) return;
    UUID appId;
    try {
      appId = UUID.fromString(payload.substring(0, space));
    } catch (IllegalArgumentException e) {
      return;
    }
    if (tails.containsKey(appId)) fetchSoon(appId);
  }

  private void fetchAll() {
    tails.keySet().forEach(this::fetchSoon);
  }

  private void fetchSoon(UUID appId) {
    if (!due.add(appId)) return;
    try {
      fetcher.execute(() -> fetch(appId));
    } catch (RejectedExecutionException e) {
      due.remove(appId); // stopping: the tails are ending
    }
  }

  private void fetch(UUID appId) {
    due.remove(appId); // first: a notice that comes during the read schedules another
    List<Tail> list = tails.get(appId);
    if (list == null || list.isEmpty()) return;
    long from = list.stream().mapToLong(t -> t.after).min().orElseThrow();
    List<LogChunks.Numbered> lines;
    try {
      lines =
          jdbc.query(
              "select "
                  + LogChunks.COLUMNS
                  + " from log_chunks where app_id = ? and last_seq > ?"
                  + " order by last_seq limit ?",
              LogChunks::lines,
              appId,
              from,
              FETCH);
    } catch (RuntimeException e) {
      log.warn("could not read new log lines of app {}: {}", appId, e.toString());
      if (running) fetcher.schedule(() -> fetchSoon(appId), 1, TimeUnit.SECONDS);
      return;
    }
    for (Tail tail : list) {
      for (LogChunks.Numbered l : lines) {
        if (l.seq() > tail.after) {
          tail.subscriber.accept(l.line());
          tail.after = l.seq();
        }
      }
    }
    // Fewer lines than chunks read at most: this read did not stop at its limit.
    if (lines.size() >= FETCH) fetchSoon(appId);
  }

  @Override
  public void start() {
    running = true;
    // Without notices (their connection lost), tails still move, a second behind.
    fetcher.scheduleWithFixedDelay(
        () -> {
          if (!notifications.listening()) fetchAll();
        },
        1,
        1,
        TimeUnit.SECONDS);
  }

  @Override
  public void stop() {
    running = false;
    fetcher.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
