package dev.hoist.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL server (embedded binaries, started once per test JVM) behind every test that
 * needs a database. Each Spring context gets the same server; tests use unique names so they never
 * depend on each other's rows.
 */
public final class TestDatabase {
  private static EmbeddedPostgres server;

  private TestDatabase() {}

  public static synchronized String jdbcUrl() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      server.close();
                    } catch (IOException ignored) {
                      // the JVM is going away; the server's folder is temporary
                    }
                  }));
    }
    return server.getJdbcUrl("postgres", "postgres");
  }
}
