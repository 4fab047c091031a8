package dev.hoist.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.router.support.Await;
import dev.hoist.router.support.LeakWatch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The zero-leak assertion every integration test ends with can fail: here it sees a real leak. */
class LeakWatchTest {
  @Test
  void catchesABufferThatWasNeverReleased() {
    new LeakWatch(); // installs the listener
    int before = LeakWatch.leaks().size();
    leak();

    Await.until(
        "the leak to be reported",
        Duration.ofSeconds(20),
        () -> {
          LeakWatch.collect();
          return LeakWatch.leaks().size() > before;
        });

    assertThat(LeakWatch.leaks().get(before)).contains("ByteBuf");
    LeakWatch.leaks()
        .subList(before, LeakWatch.leaks().size())
        .clear(); // the planted leak is not a finding
  }

  private static void leak() {
    ByteBuf lost = PooledByteBufAllocator.DEFAULT.directBuffer(64);
    lost.writeLong(42);
  }
}
