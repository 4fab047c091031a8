package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import dev.hoist.api.support.Seed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /platform}: the admin's one look at the platform's parts, their releases, dynos and
 * health.
 */
class PlatformIT extends ApiTest {
  private JsonNode part(String name) {
    for (JsonNode p : ok(admin().get("/platform"))) {
      if (p.get("name").asText().equals(name)) return p;
    }
    throw new AssertionError("/platform does not list " + name);
  }

  private void report(String app, Map<?, ?>... dynos) {
    ok(component().put("/internal/apps/" + app + "/dynos", List.of(dynos)));
  }

  private static Map<String, Object> dyno(String name, String state, int version) {
    return Map.of(
        "name",
        name,
        "type",
        name.substring(0, name.indexOf('.')),
        "state",
        state,
        "command",
        "./server",
        "size",
        "standard-1X",
        "release_version",
        version,
        "container_id",
        "c-" + name + "-" + version,
        "address",
        "10.0.0.3:5000",
        "routable",
        true);
  }

  @Test
  void showsEachPartsReleaseFormationDynosAndHealth() {
    String name = appName("hoist-part");
    Seed seed = new Seed(component());
    seed.ensure(name, Map.of("stack_image", "hoist/stack-run:current"));
    int first =
        seed.deploy(name, Map.of("web", "./server", "worker", "./work"), "aaaa111", "web", 2);
    int version =
        seed.deploy(name, Map.of("web", "./server", "worker", "./work"), "bbbb222", "web", 0);
    report(name, dyno("web.1", "up", version), dyno("web.2", "up", version));

    JsonNode part = part(name);

    assertThat(part.get("id").asText()).isNotBlank();
    assertThat(part.at("/release/version").asInt()).isEqualTo(version);
    assertThat(part.at("/release/description").asText()).isNotBlank();
    assertThat(part.at("/release/created_at").asText()).endsWith("Z");
    assertThat(part.at("/release/slug/commit").asText()).isEqualTo("bbbb222");
    assertThat(part.at("/release/slug/checksum").asText()).startsWith("SHA256:");
    assertThat(values(part.get("formation"), "type")).containsExactly("web", "worker");
    JsonNode web = part.get("formation").get(0);
    assertThat(web.get("quantity").asInt()).isEqualTo(2);
    assertThat(web.get("size").asText()).isEqualTo("standard-1X");
    assertThat(web.get("up").asInt()).isEqualTo(2);
    assertThat(part.get("formation").get(1).get("quantity").asInt()).isZero();
    assertThat(values(part.get("dynos"), "name")).containsExactly("web.1", "web.2");
    assertThat(values(part.get("dynos"), "state")).containsExactly("up", "up");
    assertThat(part.at("/dynos/0/release/version").asInt()).isEqualTo(version);
    assertThat(part.at("/dynos/0/updated_at").asText()).endsWith("Z");
    assertThat(part.get("healthy").asBoolean()).isTrue();

    // A deploy under way: the old release's dynos are shown but do not count.
    report(
        name,
        dyno("web.1", "up", first),
        dyno("web.2", "up", first),
        dyno("web.1", "up", version),
        dyno("web.2", "starting", version));
    JsonNode deploying = part(name);
    assertThat(values(deploying.get("dynos"), "name"))
        .containsExactly("web.1", "web.1", "web.2", "web.2");
    assertThat(deploying.at("/formation/0/up").asInt()).isEqualTo(1);
    assertThat(deploying.get("healthy").asBoolean()).isFalse();

    report(name, dyno("web.1", "crashed", version), dyno("web.2", "up", version));
    assertThat(part(name).get("healthy").asBoolean()).isFalse();
  }

  @Test
  void aPartWithNothingDeployedIsNotHealthy() {
    String name = appName("hoist-bare");
    new Seed(component()).ensure(name, Map.of("stack_image", "hoist/stack-run:current"));

    JsonNode part = part(name);

    assertThat(part.at("/release/slug").isNull()).isTrue();
    assertThat(part.get("formation")).isEmpty();
    assertThat(part.get("dynos")).isEmpty();
    assertThat(part.get("healthy").asBoolean()).isFalse();
  }

  @Test
  void listsOnlyPlatformAppsAndOnlyToTheAdmin() {
    Http user = newUser();
    String ordinary = newApp(user, "hoist-notapart");
    String part = appName("hoist-only");
    new Seed(component()).ensure(part, Map.of("stack_image", "hoist/stack-run:current"));
    Http.Response added =
        admin().post("/apps/" + part + "/collaborators", Map.of("user", email(user)));
    assertThat(added.status()).as("%s", added).isEqualTo(201);

    List<String> names = values(ok(admin().get("/platform")), "name");

    assertThat(names).contains(part).doesNotContain(ordinary);
    Http.Response refused = user.get("/platform");
    assertError(refused, 403, "forbidden");
    assertThat(refused.message()).isEqualTo("only the admin may see the platform");
  }
}
