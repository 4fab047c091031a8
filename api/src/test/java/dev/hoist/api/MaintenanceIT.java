package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Maintenance mode ({@code PATCH /apps/{app} {"maintenance": ...}}) and what the router's table
 * says about it and about an app with nothing deployed.
 */
class MaintenanceIT extends ApiTest {
  private JsonNode routeOf(String app) {
    for (JsonNode a : ok(component().get("/internal/routes")).get("apps")) {
      if (a.get("name").asText().equals(app)) return a;
    }
    throw new AssertionError("no route for " + app);
  }

  private long routesRevision() {
    return ok(component().get("/internal/routes")).get("revision").asLong();
  }

  private String recentLog(Http user, String app) {
    Http.Response session = user.post("/apps/" + app + "/log-sessions", Map.of("lines", 100));
    return new String(
        Http.getBytes(session.json().get("logplex_url").asText()).body(), StandardCharsets.UTF_8);
  }

  @Test
  void turnsOnAndOffShowsInTheAppAndTheRouteTableAndIsLogged() {
    Http user = newUser();
    String app = newApp(user, "maint");
    assertThat(ok(user.get("/apps/" + app)).get("maintenance").asBoolean()).isFalse();
    long before = routesRevision();

    JsonNode on = ok(user.patch("/apps/" + app, Map.of("maintenance", true)));
    long afterOn = routesRevision();
    boolean routedOn = routeOf(app).get("maintenance").asBoolean();
    ok(user.patch("/apps/" + app, Map.of("maintenance", true))); // already on: nothing moves
    long afterRepeat = routesRevision();
    JsonNode off = ok(user.patch("/apps/" + app, Map.of("maintenance", false)));

    assertThat(on.get("maintenance").asBoolean()).isTrue();
    assertThat(on.get("name").asText()).isEqualTo(app);
    assertThat(routedOn).isTrue();
    assertThat(afterOn).as("the router's long poll wakes").isGreaterThan(before);
    assertThat(afterRepeat).isEqualTo(afterOn);
    assertThat(off.get("maintenance").asBoolean()).isFalse();
    assertThat(routeOf(app).get("maintenance").asBoolean()).isFalse();
    String log = recentLog(user, app);
    assertThat(log)
        .containsOnlyOnce("hoist[api]: Enable maintenance mode by " + email(user))
        .containsOnlyOnce("hoist[api]: Disable maintenance mode by " + email(user));
  }

  @Test
  void aCollaboratorMayToggleMaintenanceButNotRenameAndARefusedPatchChangesNothing() {
    Http owner = newUser();
    Http collaborator = newUser();
    String app = newApp(owner, "maintcollab");
    assertThat(
            owner
                .post("/apps/" + app + "/collaborators", Map.of("user", email(collaborator)))
                .status())
        .isEqualTo(201);
    String taken = newApp(owner, "taken");

    JsonNode on = ok(collaborator.patch("/apps/" + app, Map.of("maintenance", true)));
    assertError(
        collaborator.patch("/apps/" + app, Map.of("maintenance", false, "name", appName("x"))),
        403,
        "forbidden");
    assertError(
        owner.patch("/apps/" + app, Map.of("maintenance", false, "name", taken)), 409, "conflict");
    assertError(
        owner.patch("/apps/" + app, Map.of("maintenance", "sometimes")), 400, "bad_request");
    assertError(owner.patch("/apps/" + app, Map.of()), 422, "invalid_params");

    assertThat(on.get("maintenance").asBoolean()).isTrue();
    JsonNode now = ok(owner.get("/apps/" + app));
    assertThat(now.get("maintenance").asBoolean()).as("every refused PATCH left it on").isTrue();
    assertThat(now.get("name").asText()).isEqualTo(app);
    assertThat(recentLog(owner, app))
        .as("no refused PATCH logged a change")
        .containsOnlyOnce("maintenance mode by")
        .contains("Enable maintenance mode by " + email(collaborator));
  }

  @Test
  void theRouteTableCarriesTheAppsOwnPagesAndARefusedUrlChangesNothing() {
    Http user = newUser();
    String app = newApp(user, "pages");
    JsonNode none = routeOf(app);
    long before = routesRevision();

    ok(
        user.patch(
            "/apps/" + app + "/config-vars",
            Map.of(
                "ERROR_PAGE_URL",
                "https://pages.example.com/e.html",
                "MAINTENANCE_PAGE_URL",
                "https://pages.example.com/m.html")));
    JsonNode set = routeOf(app);
    long afterSet = routesRevision();
    Http.Response refused =
        user.patch("/apps/" + app + "/config-vars", Map.of("ERROR_PAGE_URL", "e.html"));

    assertThat(none.get("error_page_url").isNull()).isTrue();
    assertThat(none.get("maintenance_page_url").isNull()).isTrue();
    assertThat(set.get("error_page_url").asText()).isEqualTo("https://pages.example.com/e.html");
    assertThat(set.get("maintenance_page_url").asText())
        .isEqualTo("https://pages.example.com/m.html");
    assertThat(afterSet).as("the router's long poll wakes").isGreaterThan(before);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("message").asText())
        .startsWith("ERROR_PAGE_URL must be an absolute http or https URL");
    assertThat(routeOf(app).get("error_page_url").asText())
        .as("unchanged")
        .isEqualTo("https://pages.example.com/e.html");
    assertThat(routesRevision()).isEqualTo(afterSet);
  }

  @Test
  void anAppIsBlankUntilASlugIsReleasedAndAgainAfterARollbackToV1() {
    Http user = newUser();
    String app = newApp(user, "blank");

    boolean blankAtFirst = routeOf(app).get("blank").asBoolean();
    deploy(user, app, Map.of("web", "node server.js"));
    boolean blankDeployed = routeOf(app).get("blank").asBoolean();
    long beforeRollback = routesRevision();
    assertThat(user.post("/apps/" + app + "/releases", Map.of("release", 1)).status())
        .isEqualTo(201);

    assertThat(blankAtFirst).as("v1 has no slug").isTrue();
    assertThat(blankDeployed).isFalse();
    assertThat(routeOf(app).get("blank").asBoolean()).as("rolled back to v1").isTrue();
    assertThat(routesRevision()).as("the router hears of it").isGreaterThan(beforeRollback);
  }
}
