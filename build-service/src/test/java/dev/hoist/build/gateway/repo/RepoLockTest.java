package dev.hoist.build.gateway.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository lock within one JVM (RepoLockIT: across processes). */
class RepoLockTest {
  private static final Duration TICK = Duration.ofMillis(50);

  @TempDir Path tmp;
  private final ExecutorService holders = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    holders.shutdownNow();
  }

  @Test
  void aSecondHolderWaitsAndIsToldSoUntilTheFirstLetsGo() throws Exception {
    Path file = tmp.resolve("app.lock");
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch firstHolds = new CountDownLatch(1);
    Future<?> first =
        holders.submit(
            () -> {
              try (RepoLock lock = RepoLock.acquire(file, TICK, () -> {})) {
                firstHolds.countDown();
                release.await();
              }
              return null;
            });
    assertThat(firstHolds.await(30, TimeUnit.SECONDS)).isTrue();
    CountDownLatch secondWaits = new CountDownLatch(1);
    Future<?> second =
        holders.submit(
            () -> {
              try (RepoLock lock = RepoLock.acquire(file, TICK, secondWaits::countDown)) {
                return null;
              }
            });

    assertThat(secondWaits.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(second).isNotDone();
    release.countDown();
    first.get(30, TimeUnit.SECONDS);
    second.get(30, TimeUnit.SECONDS);
  }

  @Test
  void locksOfDifferentAppsDoNotWaitForEachOther() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch firstHolds = new CountDownLatch(1);
    Future<?> first =
        holders.submit(
            () -> {
              try (RepoLock lock = RepoLock.acquire(tmp.resolve("one.lock"), TICK, () -> {})) {
                firstHolds.countDown();
                release.await();
              }
              return null;
            });
    assertThat(firstHolds.await(30, TimeUnit.SECONDS)).isTrue();
    try {
      Future<?> other =
          holders.submit(
              () -> {
                try (RepoLock lock = RepoLock.acquire(tmp.resolve("two.lock"), TICK, () -> {})) {
                  return null;
                }
              });

      other.get(30, TimeUnit.SECONDS);
      assertThat(first).isNotDone();
    } finally {
      release.countDown();
    }
    first.get(30, TimeUnit.SECONDS);
  }
}
