package dev.hoist.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void namesTheEnvironmentVariableAfterTheSetting() {
    assertThat(Settings.environmentName("hoist.ssh.max-push-mb"))
        .isEqualTo("HOIST_SSH_MAX_PUSH_MB");
    assertThat(Settings.environmentName("hoist.api.url")).isEqualTo("HOIST_API_URL");
  }

  @Test
  void prefersTheSystemPropertyThenTheEnvironmentThenTheDefault() {
    Settings s =
        new Settings(
            Map.of("hoist.ssh.port", "2022")::get,
            Map.of("HOIST_SSH_PORT", "3022", "HOIST_SSH_MAX_SESSIONS", "9")::get);

    assertThat(s.integer("hoist.ssh.port", 2222)).isEqualTo(2022);
    assertThat(s.integer("hoist.ssh.max-sessions", 64)).isEqualTo(9);
    assertThat(s.integer("hoist.ssh.idle-timeout-seconds", 600)).isEqualTo(600);
  }

  @Test
  void refusesANumberThatIsNotOneNamingTheSetting() {
    Settings s = Settings.of(Map.of("hoist.ssh.port", "twenty-two"));

    assertThatThrownBy(() -> s.integer("hoist.ssh.port", 2222))
        .hasMessageContaining("hoist.ssh.port")
        .hasMessageContaining("HOIST_SSH_PORT")
        .hasMessageContaining("twenty-two");
  }

  @Test
  void readsDurationsInTheOneGrammarWithABareNumberStillSeconds() {
    Settings s =
        Settings.of(
            Map.of(
                "hoist.ssh.idle-timeout-seconds",
                "600",
                "hoist.gateway.build-wait-seconds",
                "2h",
                "hoist.build.claim-wait-seconds",
                "500ms"));

    assertThat(s.duration("hoist.ssh.idle-timeout-seconds", Duration.ZERO))
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(s.duration("hoist.gateway.build-wait-seconds", Duration.ZERO))
        .isEqualTo(Duration.ofHours(2));
    assertThat(s.duration("hoist.build.claim-wait-seconds", Duration.ZERO))
        .isEqualTo(Duration.ofMillis(500));
    assertThat(s.duration("hoist.ssh.unset-seconds", Duration.ofSeconds(7)))
        .isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void refusesADurationThatIsNotOneNamingTheSetting() {
    Settings s = Settings.of(Map.of("hoist.gateway.build-wait-seconds", "an hour"));

    assertThatThrownBy(() -> s.duration("hoist.gateway.build-wait-seconds", Duration.ofHours(1)))
        .hasMessageContaining("hoist.gateway.build-wait-seconds")
        .hasMessageContaining("HOIST_GATEWAY_BUILD_WAIT_SECONDS")
        .hasMessageContaining("an hour");
  }
}
