package dev.hoist.api.notify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's LISTEN/NOTIFY for the api: how a change committed by one api process reaches the
 * threads of every api process that wait for it (state and route watches, log tails, build output,
 * the build queue). One connection per process, outside the pool, listens on every channel.
 *
 * <p>Senders call {@code pg_notify} inside the transaction that makes the change, so a notice is
 * delivered when, and only if, the change commits. Notices are hints, never data: a listener
 * re-reads what it needs. A notice can be lost with the connection; after every (re)connection each
 * listener's {@code missed} callback runs, and waiters re-read on a timer as well ({@link
 * #fallbackMillis}), faster while the connection is down.
 *
 * <p>Listeners register with {@link #listen} while the context is built (before {@link #start});
 * their callbacks run on the listening thread and must not block.
 */
@Component
public class Notifications implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(Notifications.class);
  static final int POLL_MILLIS = 500;
  static final long PING_MILLIS = 15_000;
  static final long MAX_BACKOFF_MILLIS = 10_000;

  private record Listener(Consumer<String> notified, Runnable missed) {}

  private final DataSourceProperties database;
  private final long fallbackMillis;
  private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
  private final CountDownLatch firstConnection = new CountDownLatch(1);
  private volatile boolean running;
  private volatile boolean listening;
  private Thread thread;

  Notifications(
      DataSourceProperties database, @Value("${hoist.api.notify-fallback:5s}") Duration fallback) {
    this.database = database;
    this.fallbackMillis = Math.max(1_000, fallback.toMillis());
  }

  /**
   * Calls {@code notified} with each notice's payload on {@code channel} (a lower-case SQL
   * identifier), and {@code missed} whenever notices may have been lost.
   */
  public void listen(String channel, Consumer<String> notified, Runnable missed) {
    if (!channel.matches("^[a-z_]{1,63}$")) throw new IllegalArgumentException(channel);
    if (thread != null) throw new IllegalStateException("listen before the context starts");
    listeners
        .computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>())
        .add(new Listener(notified, missed));
  }

  /** Whether notices are being received now. */
  public boolean listening() {
    return listening;
  }

  /**
   * How long a waiter may go without re-reading the database: {@code hoist.api.notify-fallback}
   * while notices arrive (the re-read only covers a notice lost with its connection), a second
   * while they do not.
   */
  public long fallbackMillis() {
    return listening ? fallbackMillis : 1_000;
  }

  @Override
  public synchronized void start() {
    running = true;
    thread = new Thread(this::run, "pg-notifications");
    thread.setDaemon(true);
    thread.start();
    try {
      // Requests served before the first LISTEN would miss other processes' notices for up to the
      // fallback's interval: wait a little for it, but never refuse to start over it.
      firstConnection.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (thread == null) return;
    thread.interrupt();
    try {
      thread.join(2 * POLL_MILLIS + 1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Starts before the web server and stops after it, so no request finds it missing. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  private void run() {
    long backoff = POLL_MILLIS;
    boolean warned = false;
    while (running) {
      try (Connection connection = connect()) {
        try (Statement s = connection.createStatement()) {
          for (String channel : listeners.keySet()) s.execute("LISTEN " + channel);
        }
        listening = true;
        backoff = POLL_MILLIS;
        if (warned) log.info("notifications are back: waiters wake at once again");
        warned = false;
        firstConnection.countDown();
        listeners.values().forEach(list -> list.forEach(l -> safely(l.missed())));
        receive(connection);
      } catch (SQLException | RuntimeException e) {
        listening = false;
        if (!running) break;
        if (!warned) {
          log.warn(
              "lost the notification connection ({}); waiters re-read every second until it is"
                  + " back",
              e.toString());
          warned = true;
        }
        firstConnection.countDown();
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          break;
        }
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
      }
    }
    listening = false;
  }

  private void receive(Connection connection) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    long lastHeard = System.currentTimeMillis();
    while (running) {
      PGNotification[] notices = pg.getNotifications(POLL_MILLIS);
      long now = System.currentTimeMillis();
      if (notices != null && notices.length > 0) {
        lastHeard = now;
        for (PGNotification n : notices) {
          for (Listener l : listeners.getOrDefault(n.getName(), List.of())) {
            safely(() -> l.notified().accept(n.getParameter()));
          }
        }
      } else if (now - lastHeard > PING_MILLIS) {
        // A quiet connection may be a dead one (a half-open TCP connection never errors on reads).
        try (Statement s = connection.createStatement()) {
          s.execute("select 1");
        }
        lastHeard = now;
      }
    }
  }

  private Connection connect() throws SQLException {
    Properties props = new Properties();
    if (database.determineUsername() != null)
      props.setProperty("user", database.determineUsername());
    if (database.determinePassword() != null)
      props.setProperty("password", database.determinePassword());
    props.setProperty("tcpKeepAlive", "true");
    props.setProperty("socketTimeout", "30");
    props.setProperty("ApplicationName", "hoist-api notifications");
    return DriverManager.getConnection(database.determineUrl(), props);
  }

  private static void safely(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      log.warn("a notification listener failed", e);
    }
  }
}
