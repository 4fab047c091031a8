package dev.hoist.router.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouteJsonTest {
  private static final String TABLE =
      """
      {"revision": 17, "apps": [
        {"name": "demo", "hosts": ["demo.localhost", "WWW.Example.com"], "web_quantity": 4, "dynos": [
          {"name": "web.1", "address": "172.17.0.5:5000", "state": "up", "routable": true, "release_version": 7},
          {"name": "web.2", "address": "172.17.0.6:5000", "state": "up", "routable": false, "release_version": 7},
          {"name": "web.3", "address": null, "state": "starting", "routable": true, "release_version": 8},
          {"name": "web.4", "address": "172.17.0.8:5000", "state": "crashed", "routable": true}]},
        {"name": "quiet", "hosts": [], "web_quantity": 0, "maintenance": true, "blank": true, "dynos": [],
         "error_page_url": "https://pages.example.com/error.html", "maintenance_page_url": null}]}
      """;

  @Test
  void readsTheApisTable() {
    RouteTable table = RouteJson.parse(TABLE, "apps.example.org");

    assertThat(table.revision()).isEqualTo(17);
    assertThat(table.loaded()).isTrue();
    AppRoute demo = table.forHost("demo.localhost");
    assertThat(demo.name()).isEqualTo("demo");
    assertThat(demo.dynos()).hasSize(4);
    assertThat(demo.serving()).extracting(Dyno::name).containsExactly("web.1");
    assertThat(demo.serving()[0].socketAddress().getPort()).isEqualTo(5000);
    assertThat(demo.anyStarting()).isTrue();
    assertThat(demo.anyCrashed()).isTrue();
    assertThat(demo.maintenance()).as("absent: off").isFalse();
    assertThat(demo.blank()).as("absent: something is deployed").isFalse();
    assertThat(table.app("quiet").maintenance()).isTrue();
    assertThat(table.app("quiet").blank()).isTrue();
    assertThat(demo.pages()).as("absent: the router's own pages").isSameAs(CustomPages.NONE);
    assertThat(table.app("quiet").pages().error()).isNotNull();
    assertThat(table.app("quiet").pages().maintenance()).as("null: the router's own page").isNull();
  }

  @Test
  void routesEveryListedHostAndTheAppsDomainWhateverTheCase() {
    RouteTable table = RouteJson.parse(TABLE, "Apps.Example.org");

    assertThat(table.forHost("www.example.com").name()).isEqualTo("demo");
    assertThat(table.forHost("demo.apps.example.org").name()).isEqualTo("demo");
    assertThat(table.forHost("quiet.apps.example.org").serving()).isEmpty();
    assertThat(table.forHost("quiet.localhost")).isNull();
    assertThat(table.app("quiet")).isNotNull();
  }

  @Test
  void leavesADynoWithAnUnusableAddressOutOfTheRoutes() {
    assertThat(Dyno.of("web.1", "nonsense", "up", true).canServe()).isFalse();
    assertThat(Dyno.of("web.1", "1.2.3.4:notaport", "up", true).canServe()).isFalse();
    assertThat(Dyno.of("web.1", "1.2.3.4:", "up", true).canServe()).isFalse();
    assertThat(Dyno.of("web.1", "[::1]:5000", "up", true).canServe()).isTrue();
    assertThat(Dyno.of("web.1", "127.0.0.1:5000", "idle", true).canServe()).isFalse();
  }

  @Test
  void refusesTextThatIsNoRouteTable() {
    assertThatThrownBy(() -> RouteJson.parse("<html>", "localhost"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RouteJson.parse("{\"apps\": []}", "localhost"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("revision");
    assertThatThrownBy(() -> RouteJson.parse("{\"revision\": 3}", "localhost"))
        .as("no apps is no table, not an empty one: the last good table serves on")
        .isInstanceOf(IllegalArgumentException.class);
  }
}
