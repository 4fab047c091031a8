package dev.hoist.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's PostgreSQL: an external one when {@code HOIST_DATABASE_URL} is set, else an
 * embedded server whose data lives in {@code $HOIST_HOME/postgres} and survives restarts.
 */
final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final EmbeddedPostgres embedded;
  private final Map<String, Object> springProperties;

  private Database(EmbeddedPostgres embedded, Map<String, Object> springProperties) {
    this.embedded = embedded;
    this.springProperties = springProperties;
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
      return new Database(null, external(url));
    }
    Path data = home.resolve("postgres");
    Files.createDirectories(data);
    StalePostmaster.stop(data);
    long t0 = System.nanoTime();
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setPort(port)
            .start();
    log.info(
        "embedded PostgreSQL up on port {} in {} ms, data in {}",
        pg.getPort(),
        (System.nanoTime() - t0) / 1_000_000,
        data);
    String jdbc = pg.getJdbcUrl("postgres", "postgres");
    return new Database(
        pg,
        Map.of(
            "spring.datasource.url",
            jdbc,
            "spring.datasource.username",
            "postgres",
            "spring.datasource.password",
            ""));
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
    if (embedded == null) return;
    try {
      embedded.close();
    } catch (IOException e) {
      log.warn("could not stop the embedded PostgreSQL cleanly: {}", e.toString());
    }
  }
}
