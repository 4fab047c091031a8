package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppsIT extends ApiTest {
  @Test
  void createsAnAppWithReleaseV1AndListsItForItsOwnerOnly() {
    Http alice = newUser();
    Http bob = newUser();
    String name = appName("demo");

    Http.Response made = alice.post("/apps", Map.of("name", name));

    assertThat(made.status()).isEqualTo(201);
    assertThat(made.json().get("name").asText()).isEqualTo(name);
    assertThat(made.json().get("git_url").asText()).endsWith("/" + name + ".git");
    assertThat(alice.get("/apps").json().findValuesAsText("name")).contains(name);
    assertThat(bob.get("/apps").json().findValuesAsText("name")).doesNotContain(name);
    Http.Response releases = alice.get("/apps/" + name + "/releases");
    assertThat(releases.json().get(0).get("version").asInt()).isEqualTo(1);
    assertThat(releases.json().get(0).get("description").asText()).isEqualTo("Initial release");
  }

  @Test
  void anotherUsersAppIsNotFoundRatherThanForbidden() {
    Http alice = newUser();
    String name = newApp(alice, "private");

    Http.Response seen = newUser().get("/apps/" + name);

    assertThat(seen.status()).isEqualTo(404);
    assertThat(seen.errorId()).isEqualTo("not_found");
  }
}
