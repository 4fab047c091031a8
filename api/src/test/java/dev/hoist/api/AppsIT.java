package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /apps}: create, list, info, rename, delete; and that another user's app is invisible
 * everywhere.
 */
class AppsIT extends ApiTest {
  private static final String NAME_RULE = "^[a-z][a-z0-9-]{1,28}[a-z0-9]$";

  @Test
  void createsAnAppWithReleaseV1AndListsItForItsOwnerOnly() {
    Http alice = newUser();
    Http bob = newUser();
    String name = appName("demo");

    Http.Response made = alice.post("/apps", Map.of("name", name));

    assertThat(made.status()).isEqualTo(201);
    assertThat(made.json().get("name").asText()).isEqualTo(name);
    assertThat(made.json().get("git_url").asText()).endsWith("/" + name + ".git");
    assertThat(made.json().at("/owner/email").asText()).isEqualTo(email(alice));
    assertThat(values(ok(alice.get("/apps")), "name")).containsExactly(name);
    assertThat(values(ok(bob.get("/apps")), "name")).doesNotContain(name);
    Http.Response releases = alice.get("/apps/" + name + "/releases");
    assertThat(releases.json().get(0).get("version").asInt()).isEqualTo(1);
    assertThat(releases.json().get(0).get("description").asText()).isEqualTo("Initial release");
  }

  @Test
  void generatesAValidNameWhenNoneIsGiven() {
    Http user = newUser();

    Http.Response noBody = user.post("/apps", null);
    Http.Response emptyBody = user.post("/apps", Map.of());

    assertThat(noBody.status()).isEqualTo(201);
    assertThat(emptyBody.status()).isEqualTo(201);
    assertThat(noBody.json().get("name").asText()).matches(NAME_RULE);
    assertThat(emptyBody.json().get("name").asText()).matches(NAME_RULE);
    assertThat(values(ok(user.get("/apps")), "name"))
        .containsExactlyInAnyOrder(
            noBody.json().get("name").asText(), emptyBody.json().get("name").asText());
  }

  @Test
  void refusesANameThatIsTakenEvenByAnotherUser() {
    Http alice = newUser();
    Http bob = newUser();
    String name = newApp(alice, "taken");

    assertError(alice.post("/apps", Map.of("name", name)), 409, "conflict");
    assertError(bob.post("/apps", Map.of("name", name)), 409, "conflict");
    assertThat(ok(alice.get("/apps"))).hasSize(1);
    assertThat(ok(bob.get("/apps"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bad_Name",
        "ab",
        "1abc",
        "a-",
        "-abc",
        "has space",
        "name-with-31-chars-xxxxxxxxxxxx",
        ""
      })
  void refusesABadNameAndCreatesNoApp(String name) {
    Http user = newUser();

    assertError(user.post("/apps", Map.of("name", name)), 422, "invalid_params");
    assertThat(ok(user.get("/apps"))).isEmpty();
  }

  @Test
  void acceptsNamesOfThreeAndOfThirtyCharacters() {
    Http user = newUser();
    String three =
        "z9z"; // the only three-letter name in the suite; the database is new for each run
    String thirty = (appName("x") + "-".repeat(30)).substring(0, 29) + "z";

    assertThat(user.post("/apps", Map.of("name", three)).status()).as(three).isEqualTo(201);
    assertThat(user.post("/apps", Map.of("name", thirty)).status()).as(thirty).isEqualTo(201);
  }

  @Test
  void showsAnAppByNameAndById() {
    Http user = newUser();
    String name = newApp(user, "info");
    JsonNode byName = ok(user.get("/apps/" + name));

    JsonNode byId = ok(user.get("/apps/" + byName.get("id").asText()));

    assertThat(byId).isEqualTo(byName);
    assertThat(byName.get("name").asText()).isEqualTo(name);
    assertThat(byName.at("/stack/name").asText()).isNotBlank();
    assertThat(byName.get("web_url").asText()).contains(name);
  }

  @Test
  void ownerRenamesAnApp() {
    Http user = newUser();
    String old = newApp(user, "old");
    String id = ok(user.get("/apps/" + old)).get("id").asText();
    String renamed = appName("new");

    Http.Response patched = user.patch("/apps/" + old, Map.of("name", renamed));

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().get("name").asText()).isEqualTo(renamed);
    assertThat(patched.json().get("git_url").asText()).endsWith("/" + renamed + ".git");
    assertError(user.get("/apps/" + old), 404, "not_found");
    assertThat(ok(user.get("/apps/" + renamed)).get("id").asText()).isEqualTo(id);
  }

  @Test
  void refusesToRenameToATakenOrInvalidName() {
    Http user = newUser();
    String app = newApp(user, "stay");
    String other = newApp(newUser(), "other");

    assertError(user.patch("/apps/" + app, Map.of("name", other)), 409, "conflict");
    assertError(user.patch("/apps/" + app, Map.of("name", "Not_Valid")), 422, "invalid_params");
    assertError(user.patch("/apps/" + app, Map.of()), 422, "invalid_params");
    assertThat(values(ok(user.get("/apps")), "name")).containsExactly(app);
  }

  @Test
  void deletingAnAppTakesItsConfigReleasesFormationAndSlugArchiveWithIt() {
    Http user = newUser();
    Http collaborator = newUser();
    String name = newApp(user, "doomed");
    user.post("/apps/" + name + "/collaborators", Map.of("user", email(collaborator)));
    user.patch("/apps/" + name + "/config-vars", Map.of("SECRET", "s3cret"));
    String slug = deploy(user, name, Map.of("web", "./server"));
    assertThat(blobDir().resolve("slugs/" + slug + ".tgz")).exists();

    Http.Response deleted = user.delete("/apps/" + name);

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().get("name").asText()).isEqualTo(name);
    for (String gone :
        new String[] {"", "/config-vars", "/releases", "/formation", "/slugs/" + slug}) {
      assertError(user.get("/apps/" + name + gone), 404, "not_found");
    }
    assertThat(Files.exists(blobDir().resolve("slugs/" + slug + ".tgz"))).isFalse();
    assertThat(ok(user.get("/apps"))).isEmpty();
    assertThat(ok(collaborator.get("/apps"))).isEmpty();

    assertThat(user.post("/apps", Map.of("name", name)).status()).isEqualTo(201);
    assertThat(values(releases(user, name), "description")).containsExactly("Initial release");
    assertThat(config(user, name)).isEmpty();
    assertThat(formation(user, name)).isEmpty();
    assertError(user.get("/apps/" + name + "/slugs/" + slug), 404, "not_found");
    assertThat(ok(user.get("/apps/" + name + "/collaborators"))).hasSize(1);
  }

  /**
   * Every app-scoped call, by a user who is neither owner nor collaborator, answers 404 exactly as
   * for an app that does not exist, and changes nothing.
   */
  @ParameterizedTest(name = "{0} /apps/APP{1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "GET    |                         | -",
        "PATCH  |                         | {\"name\": \"stolen-name-x\"}",
        "DELETE |                         | -",
        "GET    | /config-vars            | -",
        "PATCH  | /config-vars            | {\"A\": \"1\"}",
        "GET    | /releases               | -",
        "GET    | /releases/1             | -",
        "GET    | /releases/1/config-vars | -",
        "POST   | /releases               | {\"release\": 1}",
        "GET    | /formation              | -",
        "PATCH  | /formation              | {\"updates\": [{\"type\": \"web\", \"quantity\": 1}]}",
        "PATCH  | /formation/web          | {\"quantity\": 1}",
        "GET    | /collaborators          | -",
        "POST   | /collaborators          | {\"user\": \"admin@hoist.local\"}",
        "DELETE | /collaborators/COLLABORATOR | -",
        "POST   | /slugs                  | {\"process_types\": {\"web\": \"x\"}}",
        "GET    | /dynos                  | -"
      })
  void anotherUsersAppIsNotFoundEverywhereAndUnchanged(String method, String path, String body) {
    Http owner = newUser();
    String name = newApp(owner, "private");
    String id = ok(owner.get("/apps/" + name)).get("id").asText();
    String collaborator = email(newUser());
    owner.post("/apps/" + name + "/collaborators", Map.of("user", collaborator));
    Http stranger = newUser();
    String suffix = path == null ? "" : path.replace("COLLABORATOR", collaborator);

    assertError(stranger.send(method, "/apps/" + name + suffix, body), 404, "not_found");
    assertError(stranger.send(method, "/apps/" + id + suffix, body), 404, "not_found");
    assertThat(ok(owner.get("/apps/" + name)).get("id").asText()).isEqualTo(id);
    assertThat(config(owner, name)).isEmpty();
    assertThat(releases(owner, name)).hasSize(1);
    assertThat(formation(owner, name)).isEmpty();
    assertThat(ok(owner.get("/apps/" + name + "/collaborators"))).hasSize(2);
    assertThat(ok(stranger.get("/apps"))).isEmpty();
  }
}
