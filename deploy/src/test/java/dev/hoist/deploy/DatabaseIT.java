package dev.hoist.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's embedded PostgreSQL comes back by itself, and a new seed adopts a running one. */
class DatabaseIT {
  @TempDir Path home;

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String url(int port) {
    return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
  }

  /** Waits until a query answers, or fails after the deadline with the last error. */
  private static void awaitAnswers(int port, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try (Connection c = DriverManager.getConnection(url(port));
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select count(*) from kept")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
        return;
      } catch (java.sql.SQLException e) {
        last = e;
        Thread.sleep(200);
      }
    }
    throw new AssertionError("PostgreSQL did not answer within " + within, last);
  }

  private long postmaster() throws Exception {
    return Long.parseLong(
        Files.readAllLines(home.resolve("postgres/postmaster.pid")).get(0).trim());
  }

  @Test
  void aKilledPostmasterIsStartedAgainOnTheSamePortWithItsData() throws Exception {
    int port = freePort();
    try (Database db = Database.start(home, null, port)) {
      try (Connection c = DriverManager.getConnection(url(port));
          Statement s = c.createStatement()) {
        s.execute("create table kept (id int); insert into kept values (1)");
      }
      long first = postmaster();
      ProcessHandle.of(first).orElseThrow().destroyForcibly();

      awaitAnswers(port, Duration.ofSeconds(60));
      assertThat(postmaster()).isNotEqualTo(first);
    }
  }

  @Test
  void aNewSeedAdoptsThePostmasterAnEarlierOneLeftRunning() throws Exception {
    int port = freePort();
    Database earlier = Database.start(home, null, port);
    try (Connection c = DriverManager.getConnection(url(port));
        Statement s = c.createStatement()) {
      s.execute("create table kept (id int); insert into kept values (1)");
    }
    long pid = postmaster();
    // The earlier seed dies without closing its database (kill -9): its postmaster stays up.
    earlier.abandon();
    try (Database later = Database.start(home, null, port)) {
      assertThat(postmaster()).as("the same postmaster, not a new one").isEqualTo(pid);
      awaitAnswers(port, Duration.ofSeconds(5));
      assertThat(later.springProperties()).containsEntry("spring.datasource.url", url(port));
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
        .as("closing the adopting seed stops the postmaster")
        .isFalse();
  }
}
