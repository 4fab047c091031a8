package dev.hoist.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterConfigTest {
  @Test
  void hasHerokusDefaults() {
    RouterConfig c = RouterConfig.from(Map.of());

    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.appsDomain()).isEqualTo("localhost");
    assertThat(c.apiUrl()).isEqualTo("http://127.0.0.1:5000");
    assertThat(c.firstByteTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.bootWait()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.quarantine()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(c.routesFile()).isNull();
    assertThat(c.transport()).isEqualTo("auto");
    assertThat(c.trustedProxies().isEmpty()).as("no peer's X-Forwarded-Proto is believed").isTrue();
  }

  @Test
  void readsEachHoistRouterSetting() {
    RouterConfig c =
        RouterConfig.from(
            Map.of(
                "hoist.router.port",
                "9090",
                "hoist.router.apps-domain",
                "Apps.Test",
                "hoist.router.first-byte-timeout",
                "1500ms",
                "hoist.router.boot-wait",
                "2m",
                "hoist.router.quarantine",
                "7",
                "hoist.router.routes-file",
                "/etc/routes.json",
                "hoist.router.threads",
                "3",
                "hoist.router.transport",
                "NIO"));

    assertThat(c.port()).isEqualTo(9090);
    assertThat(c.appsDomain()).isEqualTo("apps.test");
    assertThat(c.firstByteTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(c.bootWait()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.quarantine()).isEqualTo(Duration.ofSeconds(7));
    assertThat(c.routesFile()).isEqualTo(Path.of("/etc/routes.json"));
    assertThat(c.threads()).isEqualTo(3);
    assertThat(c.transport()).isEqualTo("nio");
  }

  @Test
  void limitsEachDynoTo50InFlightByDefaultAndRefusesLessThanOne() {
    assertThat(RouterConfig.from(Map.of()).maxInFlight())
        .as("Heroku's per-dyno limit")
        .isEqualTo(50);
    assertThat(RouterConfig.from(Map.of("hoist.router.max-in-flight", "200")).maxInFlight())
        .isEqualTo(200);
    assertThatThrownBy(() -> RouterConfig.from(Map.of("hoist.router.max-in-flight", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hoist.router.max-in-flight must be at least 1, not 0");
    assertThatThrownBy(() -> RouterConfig.from(Map.of("hoist.router.max-in-flight", "many")))
        .hasMessage("hoist.router.max-in-flight must be a number, not many");
  }

  @Test
  void saysWhichSettingIsMalformed() {
    assertThatThrownBy(() -> RouterConfig.from(Map.of("hoist.router.port", "eighty")))
        .hasMessageContaining("hoist.router.port");
    assertThatThrownBy(() -> RouterConfig.from(Map.of("hoist.router.boot-wait", "soon")))
        .hasMessageContaining("hoist.router.boot-wait");
    assertThatThrownBy(
            () -> RouterConfig.from(Map.of("hoist.router.trusted-proxies", "10.0.0.0/8, lb.local")))
        .hasMessageContaining("hoist.router.trusted-proxies")
        .hasMessageContaining("lb.local");
    assertThatThrownBy(() -> RouterConfig.from(Map.of("hoist.router.transport", "kqueue")))
        .hasMessageContaining("hoist.router.transport")
        .hasMessageContaining("kqueue");
  }
}
