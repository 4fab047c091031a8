package dev.hoist.dynos.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.hoist.internal.InternalApi;
import dev.hoist.internal.logs.LogApi;
import dev.hoist.internal.logs.LogLine;
import dev.hoist.internal.testing.FakeApiServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipper while the api is down: nothing waits for it, and what waits for it is bounded. */
class LogShipperTest {
  /** An api that answers 503 until it is let up, and records the lines it takes. */
  private static final class Api extends FakeApiServer {
    final List<LogLine> lines = new CopyOnWriteArrayList<>();
    volatile boolean down = true;
    volatile int refused;

    Api() throws Exception {
      super("token");
      on(
          "POST",
          "/internal/logs",
          c -> {
            lines.addAll(c.body(new TypeReference<List<LogLine>>() {}.getType()));
            return status(202);
          });
    }

    @Override
    protected Answer refuse(Call call) {
      if (down) refused++;
      return down ? error(503, "unavailable", "starting") : null;
    }
  }

  private static LogLine line(int n, int length) {
    String message = String.format("%08d", n) + "x".repeat(Math.max(0, length - 8));
    return LogLine.app("hoist-api", "web.1", Instant.now(), message);
  }

  @Test
  void keepsTheNewestLinesWhileTheApiIsDownAndSendsThemWhenItIsBack() throws Exception {
    try (Api api = new Api();
        LogShipper shipper = new LogShipper(new LogApi(new InternalApi(api.url(), "token")))) {
      shipper.start();
      int total = LogShipper.CAPACITY + 5_000;
      for (int n = 0; n < total; n++) shipper.offer(line(n, 20));
      assertThat(shipper.queued()).isLessThanOrEqualTo(LogShipper.CAPACITY);
      api.down = false;
      await(
          "the newest line sent",
          () ->
              api.lines.stream()
                  .anyMatch(l -> l.message().startsWith(String.format("%08d", total - 1))));
      await("nothing left", () -> shipper.queued() == 0);
      assertThat(api.lines.size())
          .as("what waited, and a batch that may have been out when the api came back")
          .isLessThanOrEqualTo(LogShipper.CAPACITY + LogShipper.PER_REQUEST);
      // the newest lines all arrive; only a batch that was out when the queue filled can take
      // some of the room, in front of them
      Set<String> sent =
          api.lines.stream().map(l -> l.message().substring(0, 8)).collect(Collectors.toSet());
      for (int n = total - (LogShipper.CAPACITY - LogShipper.PER_REQUEST); n < total; n++)
        assertThat(sent).contains(String.format("%08d", n));
      assertThat(api.refused)
          .as("one try a second while down, not one per new line")
          .isLessThan(10);
    }
  }

  @Test
  void boundsWhatWaitsByTheSizeOfTheLinesToo() throws Exception {
    try (ServerSocket silent = new ServerSocket(0);
        LogShipper shipper =
            new LogShipper(
                new LogApi(new InternalApi("http://127.0.0.1:" + silent.getLocalPort(), "t")))) {
      shipper.start(); // the kernel completes its connection; nobody ever answers: a hung api
      for (int n = 0; n < 3_000; n++) shipper.offer(line(n, 10_000)); // 30 MB offered
      assertThat(shipper.queued())
          .isLessThanOrEqualTo((int) (LogShipper.CAPACITY_CHARS / 10_000))
          .isGreaterThan(1_000);
    }
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) fail("timed out waiting for " + what);
      try {
        Thread.sleep(20); // polling interval of a deadline-bound wait
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }
}
