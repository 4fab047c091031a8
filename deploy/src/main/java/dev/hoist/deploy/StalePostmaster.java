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
 * postmaster.pid}, and the next start fails. This stops that orphan (SIGTERM, then SIGKILL after 10
 * s) before a new start.
 */
final class StalePostmaster {
  private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

  private StalePostmaster() {}

  static void stop(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) return;
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) return;
    Optional<ProcessHandle> orphan =
        ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
            .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    if (orphan.isEmpty()) return;
    log.warn(
        "stopping the postgres (pid {}) left running by an earlier hoistd", orphan.get().pid());
    orphan.get().destroy();
    try {
      orphan.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      orphan.get().destroyForcibly();
    }
  }
}
