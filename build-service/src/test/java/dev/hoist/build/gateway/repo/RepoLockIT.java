package dev.hoist.build.gateway.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.build.testing.Processes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository lock across processes, as between two gateway containers on one mounted folder: a
 * lock another JVM holds makes us wait until it lets go.
 */
class RepoLockIT {
  @TempDir Path tmp;

  @Test
  void waitsWhileAnotherProcessHoldsTheLockAndGetsItWhenThatOneLetsGo() throws Exception {
    Path file = tmp.resolve("app.lock");
    Process other =
        new ProcessBuilder(Processes.java(LockHolder.class, file.toString()))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    ExecutorService ours = Executors.newSingleThreadExecutor();
    try {
      BufferedReader said =
          new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
      assertThat(said.readLine()).isEqualTo("holding");
      CountDownLatch waiting = new CountDownLatch(1);
      Future<?> acquired =
          ours.submit(
              () -> {
                try (RepoLock lock =
                    RepoLock.acquire(file, Duration.ofMillis(100), waiting::countDown)) {
                  return null;
                }
              });

      assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(acquired).isNotDone();
      other.getOutputStream().close();
      acquired.get(30, TimeUnit.SECONDS);
      assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      ours.shutdownNow();
      other.destroyForcibly();
    }
  }
}
