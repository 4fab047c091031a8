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
  void sharesItsPortAndDrainsFor25sByDefaultAndKeepsNoSnapshot() {
    RouterConfig c = RouterConfig.from(Map.of());

    assertThat(c.reusePort()).isTrue();
    assertThat(c.drainTimeout()).isEqualTo(Duration.ofSeconds(25));
    assertThat(c.snapshot()).as("the all-in-one router keeps none").isNull();

    RouterConfig set =
        RouterConfig.from(
            Map.of(
                "hoist.router.reuse-port", "FALSE",
                "hoist.router.drain-timeout", "5s",
                "hoist.router.snapshot", "/var/lib/hoist/router/routes.json"));
    assertThat(set.reusePort()).isFalse();
    assertThat(set.drainTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(set.snapshot()).isEqualTo(Path.of("/var/lib/hoist/router/routes.json"));
  }

  @Test
  void takesADynosPortWhenNoRouterPortIsSet() {
    Map<String, String> noProperties = Map.of();

    assertThat(RouterConfig.fromSources(noProperties::get, Map.of("PORT", "5123")::get).port())
        .isEqualTo(5123);
    assertThat(
            RouterConfig.fromSources(
                    noProperties::get, Map.of("PORT", "5123", "HOIST_ROUTER_PORT", "9090")::get)
                .port())
        .isEqualTo(9090);
    assertThat(
            RouterConfig.fromSources(
                    Map.of("hoist.router.port", "7070")::get, Map.of("PORT", "5123")::get)
                .port())
        .isEqualTo(7070);
    assertThat(RouterConfig.fromSources(noProperties::get, Map.<String, String>of()::get).port())
        .isEqualTo(8080);
  }

  @Test
  void readsTheNewSettingsFromTheEnvironment() {
    RouterConfig c =
        RouterConfig.fromSources(
            Map.<String, String>of()::get,
            Map.of(
                    "HOIST_ROUTER_SNAPSHOT", "/snap/routes.json",
                    "HOIST_ROUTER_REUSE_PORT", "false",
                    "HOIST_ROUTER_DRAIN_TIMEOUT", "10s")
                ::get);

    assertThat(c.snapshot()).isEqualTo(Path.of("/snap/routes.json"));
    assertThat(c.reusePort()).isFalse();
    assertThat(c.drainTimeout()).isEqualTo(Duration.ofSeconds(10));
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
    assertThatThrownBy(() -> RouterConfig.from(Map.of("hoist.router.reuse-port", "yes")))
        .hasMessage("hoist.router.reuse-port must be true or false, not yes");
    assertThatThrownBy(() -> RouterConfig.from(Map.of("hoist.router.drain-timeout", "a while")))
        .hasMessageContaining("hoist.router.drain-timeout");
    assertThatThrownBy(() -> RouterConfig.from(Map.of("hoist.router.transport", "kqueue")))
        .hasMessageContaining("hoist.router.transport")
        .hasMessageContaining("kqueue");
  }
}
