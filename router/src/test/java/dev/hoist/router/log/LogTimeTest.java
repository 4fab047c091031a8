package dev.hoist.router.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogTimeTest {
  private final LogTime times = new LogTime();

  @Test
  void writesUtcWithMicroseconds() {
    assertThat(times.format(Instant.parse("2026-11-21T23:35:40.123456789Z"))).isEqualTo("2026-11-21T23:35:40.123456Z");
    assertThat(times.format(Instant.parse("2026-11-21T23:35:40.000007Z"))).isEqualTo("2026-11-21T23:35:40.000007Z");
  }

  @Test
  void movesOnWhenTheSecondChanges() {
    times.format(Instant.parse("2026-11-21T23:59:59.5Z"));

    assertThat(times.format(Instant.parse("2026-11-22T00:00:00Z"))).isEqualTo("2026-11-22T00:00:00.000000Z");
  }
}
