package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import dev.hoist.api.support.Tarball;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /apps/{app}/releases}: listing and Range paging, info, rollback, and their refusals. */
class ReleasesIT extends ApiTest {
  /** An app with releases v1 (initial) to v5 (config A=2..5). */
  private String appWithFiveReleases(Http user) {
    String app = newApp(user, "rel");
    for (int i = 2; i <= 5; i++)
      user.patch("/apps/" + app + "/config-vars", Map.of("A", Integer.toString(i)));
    return app;
  }

  @Test
  void listsReleasesInAscendingOrderWithOnlyTheNewestCurrent() {
    Http user = newUser();
    String app = appWithFiveReleases(user);

    JsonNode list = releases(user, app);

    assertThat(versions(list)).containsExactly(1, 2, 3, 4, 5);
    assertThat(values(list, "current")).containsExactly("false", "false", "false", "false", "true");
    assertThat(list.get(4).at("/app/name").asText()).isEqualTo(app);
    assertThat(list.get(4).at("/user/email").asText()).isEqualTo(email(user));
    assertThat(list.get(4).get("status").asText()).isEqualTo("succeeded");
  }

  @Test
  void pagesNewestFirstWithRangeAndFollowsNextRangeToTheEnd() {
    Http user = newUser();
    String app = appWithFiveReleases(user);

    Http.Response first =
        user.with("Range", "version ..; order=desc, max=2").get("/apps/" + app + "/releases");

    assertThat(first.status()).isEqualTo(206);
    assertThat(versions(first.json())).containsExactly(5, 4);
    List<Integer> rest = new ArrayList<>();
    Http.Response page = first;
    for (int i = 0; i < 5 && page.status() == 206; i++) {
      String next = page.headers().firstValue("Next-Range").orElseThrow();
      page = user.with("Range", next).get("/apps/" + app + "/releases");
      rest.addAll(versions(page.json()));
    }
    assertThat(page.status()).isEqualTo(200);
    assertThat(rest).containsExactly(3, 2, 1);
  }

  @Test
  void answersTheWholeListWith200WhenItFitsTheRange() {
    Http user = newUser();
    String app = appWithFiveReleases(user);

    Http.Response all = user.with("Range", "version 2..4").get("/apps/" + app + "/releases");

    assertThat(all.status()).isEqualTo(200);
    assertThat(versions(all.json())).containsExactly(2, 3, 4);
    assertThat(all.headers().firstValue("Next-Range")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "id ..",
        "version ..; max=0",
        "version ..; max=5000",
        "version ..; order=sideways",
        "version ..; colour=blue",
        "version ..; max",
        "version 99999999999.."
      })
  void refusesAnInvalidRange(String range) {
    Http user = newUser();
    String app = newApp(user, "range");

    assertError(user.with("Range", range).get("/apps/" + app + "/releases"), 416, "invalid_range");
  }

  @Test
  void showsAReleaseByVersionByVNameAndById() {
    Http user = newUser();
    String app = appWithFiveReleases(user);
    String id = releases(user, app).get(1).get("id").asText();

    JsonNode byNumber = ok(user.get("/apps/" + app + "/releases/2"));

    assertThat(byNumber.get("version").asInt()).isEqualTo(2);
    assertThat(byNumber.get("description").asText()).isEqualTo("Set A config vars");
    assertThat(ok(user.get("/apps/" + app + "/releases/v2"))).isEqualTo(byNumber);
    assertThat(ok(user.get("/apps/" + app + "/releases/" + id))).isEqualTo(byNumber);
  }

  @Test
  void anUnknownReleaseIsNotFound() {
    Http user = newUser();
    String app = newApp(user, "unknown");
    String otherAppsRelease = releases(user, newApp(user, "other")).get(0).get("id").asText();

    for (String release :
        List.of("2", "v99", UUID.randomUUID().toString(), "latest", otherAppsRelease)) {
      assertError(user.get("/apps/" + app + "/releases/" + release), 404, "not_found");
    }
  }

  @Test
  void rollsBackByVersionNumberToThatReleasesConfig() {
    Http user = newUser();
    String app = appWithFiveReleases(user);

    Http.Response made = user.post("/apps/" + app + "/releases", Map.of("release", 3));

    assertThat(made.status()).isEqualTo(201);
    assertThat(made.json().get("version").asInt()).isEqualTo(6);
    assertThat(made.json().get("description").asText()).isEqualTo("Rollback to v3");
    assertThat(made.json().get("current").asBoolean()).isTrue();
    assertThat(config(user, app).get("A").asText()).isEqualTo("3");
    assertThat(ok(user.get("/apps/" + app + "/releases/6/config-vars")).get("A").asText())
        .isEqualTo("3");
  }

  @Test
  void rollsBackByReleaseId() {
    Http user = newUser();
    String app = appWithFiveReleases(user);
    String v2 = releases(user, app).get(1).get("id").asText();

    Http.Response made = user.post("/apps/" + app + "/releases", Map.of("release", v2));

    assertThat(made.status()).isEqualTo(201);
    assertThat(made.json().get("description").asText()).isEqualTo("Rollback to v2");
    assertThat(config(user, app))
        .isEqualTo(ok(user.get("/apps/" + app + "/releases/2/config-vars")));
    assertThat(config(user, app).get("A").asText()).isEqualTo("2");
  }

  @Test
  void refusesARollbackOrDeployThatIsNotExactlyOneOfSlugAndReleaseAndChangesNothing() {
    Http user = newUser();
    String app = appWithFiveReleases(user);
    String slug = newSlug(user, app, Map.of("web", "x")).get("id").asText();
    String path = "/apps/" + app + "/releases";

    assertError(user.post(path, Map.of("slug", slug, "release", 2)), 422, "invalid_params");
    assertError(user.post(path, Map.of()), 422, "invalid_params");
    assertError(
        user.post(path, Map.of("description", "nothing to release")), 422, "invalid_params");
    assertError(user.post(path, Map.of("release", true)), 422, "invalid_params");
    assertError(user.post(path, Map.of("release", Map.of("version", 2))), 422, "invalid_params");
    assertError(user.post(path, Map.of("release", 99)), 404, "not_found");
    assertError(user.post(path, Map.of("release", UUID.randomUUID().toString())), 404, "not_found");
    assertError(user.post(path, "{\"release\": 2"), 400, "bad_request");
    assertError(user.post(path, Map.of("release", 2, "colour", "red")), 400, "bad_request");
    assertThat(versions(releases(user, app))).containsExactly(1, 2, 3, 4, 5);
    assertThat(config(user, app).get("A").asText()).isEqualTo("5");
  }

  /**
   * An explicit null for the field not used means it is not given, as for any other optional field.
   */
  @Test
  void deploysOrRollsBackWhenTheOtherFieldIsExplicitlyNull() {
    Http user = newUser();
    String app = newApp(user, "nulls");
    String path = "/apps/" + app + "/releases";
    JsonNode slugMade = newSlug(user, app, Map.of("web", "x"));
    String slug = slugMade.get("id").asText();
    assertThat(Http.putBytes(slugMade.at("/blob/url").asText(), Tarball.minimalApp()).status())
        .isEqualTo(200);

    Http.Response deployed = user.post(path, "{\"slug\": \"" + slug + "\", \"release\": null}");
    Http.Response rolledBack = user.post(path, "{\"release\": 1, \"slug\": null}");

    assertThat(deployed.status()).as("deploy: %s", deployed).isEqualTo(201);
    assertThat(rolledBack.status()).as("rollback: %s", rolledBack).isEqualTo(201);
  }

  private static List<Integer> versions(JsonNode list) {
    List<Integer> versions = new ArrayList<>();
    list.forEach(r -> versions.add(r.get("version").asInt()));
    return versions;
  }
}
