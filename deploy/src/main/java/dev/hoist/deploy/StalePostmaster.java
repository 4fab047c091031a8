package dev.hoist.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a {@code kill -9} of hoistd, its embedded postgres lives on and holds {@code
 * postmaster.pid}, and the next start fails. A seed on a fixed port adopts that postmaster ({@link
 * #running}); otherwise this stops it (a fast shutdown, then SIGKILL after 10 s) before a new
 * start.
 */
final class StalePostmaster {
  private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

  private StalePostmaster() {}

  static void stop(Path dataDir) throws IOException {
    Optional<ProcessHandle> orphan = postmaster(dataDir);
    if (orphan.isEmpty()) return;
    log.warn(
        "stopping the postgres (pid {}) left running by an earlier hoistd", orphan.get().pid());
    fastShutdown(orphan.get().pid());
  }

  /**
   * The live postmaster of {@code dataDir} when it listens on {@code port} (postmaster.pid says)
   * and was started with durable commits (postmaster.opts says); one started by an earlier release,
   * with the library's test settings, is replaced instead.
   */
  static Optional<ProcessHandle> running(Path dataDir, int port) throws IOException {
    List<String> lines = lines(dataDir);
    if (lines.size() < 4 || !lines.get(3).trim().equals(Integer.toString(port))) {
      return Optional.empty();
    }
    Path opts = dataDir.resolve("postmaster.opts");
    String started = Files.exists(opts) ? Files.readString(opts) : "";
    if (!started.contains("fsync=on") || !started.contains("synchronous_commit=on")) {
      return Optional.empty();
    }
    return live(pid(lines));
  }

  /** The pid postmaster.pid names, alive or not. */
  static Optional<Long> pid(Path dataDir) throws IOException {
    return pid(lines(dataDir));
  }

  private static Optional<Long> pid(List<String> pidFile) {
    if (pidFile.isEmpty() || !pidFile.get(0).trim().matches("\\d+")) return Optional.empty();
    return Optional.of(Long.parseLong(pidFile.get(0).trim()));
  }

  /**
   * SIGINT, PostgreSQL's fast shutdown (SIGTERM's smart shutdown would wait for every client, and
   * the api's dynos keep theirs open), then SIGKILL after 10 s.
   */
  static void fastShutdown(long pid) {
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) return;
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
      p.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      p.get().destroyForcibly();
    }
  }

  private static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
    return live(pid(dataDir));
  }

  /** The process of that pid when it is alive and a postgres (a pid can be reused). */
  private static Optional<ProcessHandle> live(Optional<Long> pid) {
    return pid.flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
  }

  private static List<String> lines(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) return List.of();
    try {
      return Files.readAllLines(pidFile);
    } catch (java.nio.file.NoSuchFileException e) {
      return List.of();
    }
  }
}
