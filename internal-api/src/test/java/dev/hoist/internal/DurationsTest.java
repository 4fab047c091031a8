package dev.hoist.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void readsEveryUnitAndBareSeconds() {
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse(" 5M ")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("45")).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void refusesOtherTextAndMoreThanAYearNamingTheSetting() {
    assertThatThrownBy(() -> Durations.parse("hoist.x.wait", "soon"))
        .hasMessage("hoist.x.wait: 'soon' is not a duration such as 500ms, 30s, 5m or 1h");
    assertThatThrownBy(() -> Durations.parse("-5s")).hasMessageContaining("is not a duration");
    assertThatThrownBy(() -> Durations.parse("9000h")).hasMessage("'9000h' is longer than a year");
    assertThatThrownBy(() -> Durations.parse("99999999999999999999ms"))
        .hasMessageContaining("longer than a year");
  }

  @Test
  void writesLimitsInWords() {
    assertThat(Durations.words(Duration.ofMinutes(15))).isEqualTo("15 minutes");
    assertThat(Durations.words(Duration.ofSeconds(60))).isEqualTo("1 minute");
    assertThat(Durations.words(Duration.ofSeconds(90))).isEqualTo("90 seconds");
  }
}
