package dev.hoist.build.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoist.build.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a gateway dyno, which has only its environment, is configured. */
class GatewaySettingsTest {
  private static Settings env(Map<String, String> variables) {
    return new Settings(name -> null, variables::get);
  }

  @Test
  void aDynoGetsEverySettingItNeedsFromTheEnvironment() {
    GatewaySettings s =
        GatewaySettings.standalone(
            env(
                Map.of(
                    "HOIST_GATEWAY_HOME", "/data/gateway",
                    "HOIST_HOME", "/somewhere/else",
                    "HOIST_SSH_PORT", "2222",
                    "PORT", "5000",
                    "HOIST_GATEWAY_APP_URL", "https://%s.apps.example.com/",
                    "HOIST_GATEWAY_DRAIN_TIMEOUT_SECONDS", "20")));

    assertThat(s.sshPort()).isEqualTo(2222);
    assertThat(s.httpPort()).isEqualTo(5000);
    assertThat(s.hostKey()).isEqualTo(Path.of("/data/gateway/ssh/host_key"));
    assertThat(s.repoDir()).isEqualTo(Path.of("/data/gateway/repos"));
    assertThat(s.appUrl()).isEqualTo("https://%s.apps.example.com/");
    assertThat(s.drainTimeout()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void theDataFolderIsHoistHomeWhenTheGatewayHasNoneOfItsOwn() {
    GatewaySettings s = GatewaySettings.standalone(env(Map.of("HOIST_HOME", "/var/hoist")));

    assertThat(s.hostKey()).isEqualTo(Path.of("/var/hoist/ssh/host_key"));
    assertThat(s.repoDir()).isEqualTo(Path.of("/var/hoist/repos"));
  }

  @Test
  void theHttpPortSettingWinsOverPort() {
    GatewaySettings s =
        GatewaySettings.standalone(env(Map.of("HOIST_GATEWAY_HTTP_PORT", "2280", "PORT", "5000")));

    assertThat(s.httpPort()).isEqualTo(2280);
  }

  @Test
  void anEmbeddedGatewayIgnoresPort() {
    GatewaySettings s = GatewaySettings.from(env(Map.of("PORT", "5000")));

    assertThat(s.httpPort()).isEqualTo(2280);
  }

  @Test
  void drainsForTwentyFiveSecondsUnlessToldOtherwise() {
    assertThat(GatewaySettings.standalone(env(Map.of())).drainTimeout())
        .isEqualTo(Duration.ofSeconds(25));
  }

  @Test
  void aPortThatIsNotANumberStopsStartupNamingIt() {
    assertThatThrownBy(() -> GatewaySettings.standalone(env(Map.of("PORT", "http"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PORT")
        .hasMessageContaining("'http'");
  }
}
