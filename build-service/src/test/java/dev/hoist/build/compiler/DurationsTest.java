package dev.hoist.build.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void saysLimitsTheWayAPersonWould() {
    assertThat(Durations.words(Duration.ofMinutes(15))).isEqualTo("15 minutes");
    assertThat(Durations.words(Duration.ofMinutes(1))).isEqualTo("1 minute");
    assertThat(Durations.words(Duration.ofSeconds(90))).isEqualTo("90 seconds");
    assertThat(Durations.words(Duration.ofSeconds(1))).isEqualTo("1 second");
  }
}
