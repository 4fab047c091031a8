package dev.hoist.dynos.memory;

import static dev.hoist.dynos.memory.FakeScheduler.dyno;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.dynos.scheduler.Observed.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemoryWatchTest {
  private static final long MB = 1024 * 1024;
  private final FakeScheduler docker = new FakeScheduler();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final MemoryWatch watch =
      new MemoryWatch(
          docker,
          (app, dyno, m) -> log.add(app + "[" + dyno + "]: " + m),
          pool,
          Duration.ofSeconds(5));

  @AfterEach
  void stop() {
    watch.close();
    pool.shutdownNow();
  }

  @Test
  void logsR14ForEveryKindOfDynoAboveItsQuotaAtEachPass() {
    docker.dynos.addAll(
        List.of(
            dyno("a", "web.1", 512, Status.RUNNING),
            dyno("b", "worker.1", 512, Status.RUNNING),
            dyno("c", "run.4711", 512, Status.RUNNING)));
    docker.used.putAll(Map.of("a", 620 * MB, "b", 700 * MB, "c", 513 * MB));
    MemoryWatch.Pass first = watch.pass();
    assertThat(first).isEqualTo(new MemoryWatch.Pass(3, 3, 3, first.millis()));
    assertThat(log)
        .containsSubsequence(
            "demo[web.1]: Process running mem=620MB(121.1%)",
            "demo[web.1]: Error R14 (Memory quota exceeded)");
    assertThat(log)
        .containsSubsequence(
            "demo[worker.1]: Process running mem=700MB(136.7%)",
            "demo[worker.1]: Error R14 (Memory quota exceeded)");
    assertThat(log)
        .containsSubsequence(
            "demo[run.4711]: Process running mem=513MB(100.2%)",
            "demo[run.4711]: Error R14 (Memory quota exceeded)");
    assertThat(log).hasSize(6);

    watch.pass();
    assertThat(log).as("repeated while it stays above").hasSize(12);
  }

  @Test
  void saysNothingWhileADynoIsWithinItsQuota() {
    docker.dynos.add(dyno("a", "web.1", 512, Status.RUNNING));
    docker.used.put("a", 620 * MB);
    watch.pass();
    docker.used.put("a", 300 * MB);
    MemoryWatch.Pass after = watch.pass();
    assertThat(after.over()).isZero();
    assertThat(after.sampled()).isEqualTo(1);
    assertThat(log).hasSize(2);
  }

  @Test
  void samplesOnlyRunningDynosThatHaveAQuota() {
    docker.dynos.addAll(
        List.of(
            dyno("a", "web.1", 512, Status.EXITED),
            dyno("b", "web.2", 512, Status.CREATED),
            dyno("c", "worker.1", 0, Status.RUNNING),
            dyno("d", "worker.2", 512, Status.RUNNING)));
    docker.used.putAll(Map.of("a", 900 * MB, "b", 900 * MB, "c", 900 * MB));
    MemoryWatch.Pass p = watch.pass();
    assertThat(p.dynos()).isEqualTo(1);
    assertThat(docker.samples).hasValue(1);
    assertThat(log).as("worker.2 is gone between the listing and its sample").isEmpty();
  }

  @Test
  void doesNotSampleADynoAgainWhileItsLastSampleIsOut() throws Exception {
    MemoryWatch quick =
        new MemoryWatch(
            docker,
            (app, dyno, m) -> log.add(dyno + ": " + m),
            pool,
            Duration.ofSeconds(
                1)); // time enough for web.2's sample on a busy machine; web.1's is held anyway
    CountDownLatch engine = new CountDownLatch(1);
    docker.dynos.addAll(
        List.of(dyno("a", "web.1", 512, Status.RUNNING), dyno("b", "web.2", 512, Status.RUNNING)));
    docker.used.putAll(Map.of("a", 620 * MB, "b", 620 * MB));
    docker.slow.put("a", engine);

    MemoryWatch.Pass first = quick.pass();
    assertThat(first.sampled()).as("web.1's sample is late, web.2's is back").isEqualTo(1);
    MemoryWatch.Pass second = quick.pass();
    assertThat(second.sampled()).isEqualTo(1);
    assertThat(docker.samples).as("web.1 was asked once").hasValue(3);

    engine.countDown();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!log.contains("web.1: Error R14 (Memory quota exceeded)")
        && System.nanoTime() < deadline) Thread.sleep(5);
    assertThat(log)
        .as("the late sample still logs")
        .contains("web.1: Error R14 (Memory quota exceeded)");
    deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    MemoryWatch.Pass third = quick.pass();
    while (third.sampled() < 2 && System.nanoTime() < deadline)
      third = quick.pass(); // its release is racy by a hair
    assertThat(third.sampled()).as("sampled again once back").isEqualTo(2);
    quick.close();
  }
}
