package dev.hoist.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doublesUpToTheMaximumAndStartsOverAfterAReset() {
    Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3));
    assertThat(b.next()).isEqualTo(Duration.ofMillis(500));
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(2));
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(3));
    assertThat(b.next()).isEqualTo(Duration.ofSeconds(3));
    b.reset();
    assertThat(b.next()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void refusesAZeroStartOrAMaximumBelowIt() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
