package dev.hoist.dynos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynoSettingsTest {
  @Test
  void hasTheDocumentedDefaults() {
    DynoSettings s = DynoSettings.from(k -> null);
    assertThat(s.apiUrl()).hasToString("http://127.0.0.1:5000");
    assertThat(s.runImage()).isEqualTo("hoist/stack-run:current");
    assertThat(s.attachPort()).isEqualTo(5001);
    assertThat(s.bootTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.stopGrace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.backoffMax()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.port()).isEqualTo(5000);
    assertThat(s.checkpoint())
        .isEqualTo(s.home().resolve("dynos/checkpoint.json"))
        .isEqualTo(
            java.nio.file.Path.of(System.getProperty("user.home"), ".hoist/dynos/checkpoint.json"));
    assertThat(s.memoryInterval())
        .as("Heroku checks memory about every 20 s")
        .isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void readsDurationsInTheirUnits() {
    Map<String, String> m =
        Map.of(
            "hoist.dynos.boot-timeout",
            "1500ms",
            "hoist.dynos.stop-grace",
            "2",
            "hoist.dynos.backoff-max",
            "1h",
            "hoist.dynos.api-url",
            "http://api:5000/");
    DynoSettings s = DynoSettings.from(m::get);
    assertThat(s.bootTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(s.stopGrace()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.backoffMax()).isEqualTo(Duration.ofHours(1));
    assertThat(s.apiUrl()).hasToString("http://api:5000");
  }

  @Test
  void namesTheSettingThatIsWrong() {
    assertThatThrownBy(() -> DynoSettings.from(Map.of("hoist.dynos.tick", "soon")::get))
        .hasMessageContaining("hoist.dynos.tick");
  }

  @Test
  void refusesAMemoryIntervalUnderASecondOrThatIsNoDuration() {
    assertThatThrownBy(() -> DynoSettings.from(Map.of("hoist.dynos.memory-interval", "0s")::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hoist.dynos.memory-interval must be at least 1s, such as 20s");
    assertThatThrownBy(() -> DynoSettings.from(Map.of("hoist.dynos.memory-interval", "500ms")::get))
        .hasMessage("hoist.dynos.memory-interval must be at least 1s, such as 20s");
    assertThatThrownBy(() -> DynoSettings.from(Map.of("hoist.dynos.memory-interval", "-5s")::get))
        .hasMessage(
            "hoist.dynos.memory-interval: '-5s' is not a duration such as 500ms, 30s, 5m or 1h");
    assertThatThrownBy(() -> DynoSettings.from(Map.of("hoist.dynos.memory-interval", "often")::get))
        .hasMessageStartingWith("hoist.dynos.memory-interval: ");
    assertThat(
            DynoSettings.from(Map.of("hoist.dynos.memory-interval", "1500ms")::get)
                .memoryInterval())
        .isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void refusesDurationsOverAYearRatherThanOverflowingLater() {
    // both used to get past the reader: one as Duration.ofHours's ArithmeticException, one as a raw
    // parse error
    assertThatThrownBy(
            () -> DynoSettings.from(Map.of("hoist.dynos.memory-interval", "9999999999999h")::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hoist.dynos.memory-interval: '9999999999999h' is longer than a year");
    assertThatThrownBy(
            () -> DynoSettings.from(Map.of("hoist.dynos.tick", "99999999999999999999")::get))
        .hasMessage("hoist.dynos.tick: '99999999999999999999' is longer than a year");
    assertThatThrownBy(() -> DynoSettings.from(Map.of("hoist.dynos.boot-timeout", "8761h")::get))
        .hasMessage("hoist.dynos.boot-timeout: '8761h' is longer than a year");
    assertThat(DynoSettings.from(Map.of("hoist.dynos.image-gc-after", "8760h")::get).imageGcAfter())
        .isEqualTo(Duration.ofDays(365));
  }
}
