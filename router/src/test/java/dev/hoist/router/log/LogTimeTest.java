package dev.hoist.router.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogTimeTest {
  private final LogTime times = new LogTime();

  private String format(Instant time) {
    byte[] buf = new byte[3 + LogTime.LENGTH];
    int end = times.write(time, buf, 3);
    assertThat(end).isEqualTo(buf.length);
    return new String(buf, 3, LogTime.LENGTH, StandardCharsets.US_ASCII);
  }

  @Test
  void writesUtcWithMicroseconds() {
    assertThat(format(Instant.parse("2026-11-21T23:35:40.123456789Z")))
        .isEqualTo("2026-11-21T23:35:40.123456Z");
    assertThat(format(Instant.parse("2026-11-21T23:35:40.000007Z")))
        .isEqualTo("2026-11-21T23:35:40.000007Z");
  }

  @Test
  void movesOnWhenTheSecondChanges() {
    format(Instant.parse("2026-11-21T23:59:59.5Z"));

    assertThat(format(Instant.parse("2026-11-22T00:00:00Z")))
        .isEqualTo("2026-11-22T00:00:00.000000Z");
  }
}
