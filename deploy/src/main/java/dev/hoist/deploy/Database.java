package dev.hoist.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's PostgreSQL: an external one when {@code HOIST_DATABASE_URL} is set, else an
 * embedded server whose data lives in {@code $HOIST_HOME/postgres} and survives restarts.
 *
 * <p>The embedded server is supervised: a watch restarts it, on the same port, when its postmaster
 * is gone (with backoff while a start fails). On a fixed port (the self-hosted seed's), a
 * postmaster left running by an earlier seed — one killed with {@code -9} — is adopted rather than
 * stopped: the api's dynos keep their connections while the seed comes back.
 */
final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private static final Duration WATCH_EVERY = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final Path data;
  private final Map<String, Object> springProperties;
  private volatile EmbeddedPostgres embedded;
  private volatile long postmaster;
  private volatile boolean closed;
  private Thread watch;

  private Database(
      Path data, EmbeddedPostgres embedded, long postmaster, Map<String, Object> properties) {
    this.data = data;
    this.embedded = embedded;
    this.postmaster = postmaster;
    this.springProperties = properties;
  }

  static Database start(Path home, String url) throws IOException {
    return start(home, url, 0);
  }

  /**
   * Starts the database; an embedded one listens on {@code port} of the loopback (0: any free
   * port). The self-hosted seed gives a fixed port: the api's dynos keep its URL in their config.
   */
  static Database start(Path home, String url, int port) throws IOException {
    if (url != null && !url.isBlank()) {
      log.info("using the external PostgreSQL named by HOIST_DATABASE_URL");
      return new Database(null, null, 0, external(url));
    }
    Path data = home.resolve("postgres");
    Files.createDirectories(data);
    int served = port;
    Database db;
    Optional<ProcessHandle> running =
        port > 0 ? StalePostmaster.running(data, port) : Optional.empty();
    if (running.isPresent()) {
      log.info(
          "adopting the PostgreSQL (pid {}) an earlier seed left running on port {}",
          running.get().pid(),
          port);
      db = new Database(data, null, running.get().pid(), properties(port));
    } else {
      EmbeddedPostgres pg = launch(data, port);
      served = pg.getPort();
      db = new Database(data, pg, StalePostmaster.pid(data).orElse(0L), properties(served));
    }
    db.supervise(served);
    return db;
  }

  private static EmbeddedPostgres launch(Path data, int port) throws IOException {
    StalePostmaster.stop(data);
    long t0 = System.nanoTime();
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setPort(port)
            // The library's defaults are for throw-away test databases (fsync off, commits
            // acknowledged before they are on disk); the platform's data must survive a crash.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            // after a crash the server replays its log first; on a loaded host that takes a while
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
    log.info(
        "embedded PostgreSQL up on port {} in {} ms, data in {}",
        pg.getPort(),
        (System.nanoTime() - t0) / 1_000_000,
        data);
    return pg;
  }

  private static Map<String, Object> properties(int port) {
    return Map.of(
        "spring.datasource.url",
        "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres",
        "spring.datasource.username",
        "postgres",
        "spring.datasource.password",
        "");
  }

  /** Restarts the postmaster on {@code port} whenever it is gone, until {@link #close}. */
  private void supervise(int port) {
    watch = new Thread(() -> watch(port), "postgres-watch");
    watch.setDaemon(true);
    watch.start();
  }

  private void watch(int port) {
    Duration wait = WATCH_EVERY;
    while (!closed) {
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      if (closed || ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)) {
        wait = WATCH_EVERY;
        continue;
      }
      log.warn("PostgreSQL (pid {}) is gone; starting it again on port {}", postmaster, port);
      forgetDead();
      try {
        EmbeddedPostgres pg = launch(data, port);
        synchronized (this) {
          embedded = pg;
          postmaster = StalePostmaster.pid(data).orElse(0L);
          if (closed) pg.close();
        }
        wait = WATCH_EVERY;
      } catch (IOException | RuntimeException e) {
        wait = wait.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait.multipliedBy(2);
        log.warn("PostgreSQL did not start ({}); trying again in {}", e.toString(), wait);
      }
    }
  }

  /** Stops supervising and leaves the server running: what a seed's sudden death does. */
  void abandon() {
    closed = true;
    if (watch != null) watch.interrupt();
  }

  /**
   * Lets go of the dead server's handle, which holds a lock on the data folder that a new start in
   * this JVM would otherwise trip on; its stop command fails, as there is nothing left to stop.
   */
  private void forgetDead() {
    EmbeddedPostgres dead = embedded;
    embedded = null;
    if (dead == null) return;
    try {
      dead.close();
    } catch (IOException | RuntimeException e) {
      log.debug("closing the dead server's handle: {}", e.toString());
    }
  }

  /** Accepts a JDBC URL as it is, or a Heroku-style {@code postgres://user:pass@host:port/db}. */
  static Map<String, Object> external(String url) {
    if (url.startsWith("jdbc:")) return Map.of("spring.datasource.url", url);
    URI uri = URI.create(url);
    if (!List.of("postgres", "postgresql").contains(uri.getScheme())) {
      throw new IllegalArgumentException(
          "HOIST_DATABASE_URL must be jdbc:postgresql://... or postgres://...");
    }
    String[] userInfo = Optional.ofNullable(uri.getUserInfo()).orElse("").split(":", 2);
    String jdbc =
        "jdbc:postgresql://"
            + uri.getHost()
            + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
            + uri.getPath()
            + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    return Map.of(
        "spring.datasource.url",
        jdbc,
        "spring.datasource.username",
        userInfo[0],
        "spring.datasource.password",
        userInfo.length > 1 ? userInfo[1] : "");
  }

  Map<String, Object> springProperties() {
    return springProperties;
  }

  @Override
  public void close() {
    if (data == null) return;
    synchronized (this) {
      closed = true;
    }
    if (watch != null) watch.interrupt();
    EmbeddedPostgres pg = embedded;
    if (pg != null) {
      try {
        pg.close();
      } catch (IOException e) {
        log.warn("could not stop the embedded PostgreSQL cleanly: {}", e.toString());
      }
    } else {
      StalePostmaster.fastShutdown(postmaster);
    }
  }
}
