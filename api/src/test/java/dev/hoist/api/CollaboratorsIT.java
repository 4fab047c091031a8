package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /apps/{app}/collaborators}: what a collaborator may do, and what only the owner may. */
class CollaboratorsIT extends ApiTest {
  @Test
  void aCollaboratorSeesTheAppAndMayChangeConfigFormationAndReadReleases() {
    Http owner = newUser();
    Http collaborator = newUser();
    String app = newApp(owner, "shared");

    Http.Response added =
        owner.post("/apps/" + app + "/collaborators", Map.of("user", email(collaborator)));

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().get("role").asText()).isEqualTo("collaborator");
    assertThat(added.json().at("/user/email").asText()).isEqualTo(email(collaborator));
    assertThat(added.json().at("/app/name").asText()).isEqualTo(app);
    assertThat(values(ok(collaborator.get("/apps")), "name")).containsExactly(app);
    assertThat(
            ok(collaborator.patch("/apps/" + app + "/config-vars", Map.of("BY", "collaborator")))
                .get("BY")
                .asText())
        .isEqualTo("collaborator");
    ok(
        collaborator.patch(
            "/apps/" + app + "/formation",
            Map.of("updates", List.of(Map.of("type", "web", "quantity", 2)))));
    JsonNode releases = ok(collaborator.get("/apps/" + app + "/releases"));
    assertThat(releases).hasSize(2);
    assertThat(releases.get(1).at("/user/email").asText()).isEqualTo(email(collaborator));
    assertThat(config(owner, app).get("BY").asText()).isEqualTo("collaborator");
    assertThat(formation(owner, app).get(0).get("quantity").asInt()).isEqualTo(2);
  }

  @Test
  void aCollaboratorMayNotRenameDeleteOrManageCollaborators() {
    Http owner = newUser();
    Http collaborator = newUser();
    Http third = newUser();
    String app = newApp(owner, "owned");
    owner.post("/apps/" + app + "/collaborators", Map.of("user", email(collaborator)));

    assertError(
        collaborator.patch("/apps/" + app, Map.of("name", appName("mine"))), 403, "forbidden");
    assertError(collaborator.delete("/apps/" + app), 403, "forbidden");
    assertError(
        collaborator.post("/apps/" + app + "/collaborators", Map.of("user", email(third))),
        403,
        "forbidden");
    assertError(
        collaborator.delete("/apps/" + app + "/collaborators/" + email(collaborator)),
        403,
        "forbidden");
    assertThat(ok(owner.get("/apps/" + app)).get("name").asText()).isEqualTo(app);
    assertThat(emails(ok(owner.get("/apps/" + app + "/collaborators"))))
        .containsExactly(email(owner), email(collaborator));
  }

  @Test
  void aRemovedCollaboratorNoLongerSeesTheApp() {
    Http owner = newUser();
    Http collaborator = newUser();
    String app = newApp(owner, "revoked");
    owner.post("/apps/" + app + "/collaborators", Map.of("user", email(collaborator)));

    Http.Response removed = owner.delete("/apps/" + app + "/collaborators/" + email(collaborator));

    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.json().at("/user/email").asText()).isEqualTo(email(collaborator));
    assertError(collaborator.get("/apps/" + app), 404, "not_found");
    assertError(collaborator.get("/apps/" + app + "/config-vars"), 404, "not_found");
    assertThat(ok(collaborator.get("/apps"))).isEmpty();
  }

  @Test
  void addsACollaboratorByAccountIdAndRemovesByAccountId() {
    Http owner = newUser();
    Http collaborator = newUser();
    String app = newApp(owner, "byid");
    String id = ok(collaborator.get("/account")).get("id").asText();

    assertThat(owner.post("/apps/" + app + "/collaborators", Map.of("user", id)).status())
        .isEqualTo(201);
    assertThat(ok(collaborator.get("/apps/" + app)).get("name").asText()).isEqualTo(app);
    assertThat(owner.delete("/apps/" + app + "/collaborators/" + id).status()).isEqualTo(200);
    assertError(collaborator.get("/apps/" + app), 404, "not_found");
  }

  @Test
  void listsTheOwnerFirstWithRoleOwner() {
    Http owner = newUser();
    Http collaborator = newUser();
    String app = newApp(owner, "roles");
    owner.post("/apps/" + app + "/collaborators", Map.of("user", email(collaborator)));

    JsonNode list = ok(collaborator.get("/apps/" + app + "/collaborators"));

    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("role").asText()).isEqualTo("owner");
    assertThat(list.get(0).at("/user/email").asText()).isEqualTo(email(owner));
    assertThat(list.get(1).get("role").asText()).isEqualTo("collaborator");
    assertThat(list.get(1).at("/user/email").asText()).isEqualTo(email(collaborator));
  }

  @Test
  void refusesUnknownUsersDuplicatesAndTheOwnerAndChangesNothing() {
    Http owner = newUser();
    Http collaborator = newUser();
    String app = newApp(owner, "refuse");
    String path = "/apps/" + app + "/collaborators";
    owner.post(path, Map.of("user", email(collaborator)));

    assertError(
        owner.post(path, Map.of("user", "nobody" + unique() + "@example.com")), 404, "not_found");
    assertError(owner.post(path, Map.of("user", email(collaborator))), 409, "conflict");
    assertError(
        owner.post(path, Map.of("user", email(collaborator).toUpperCase())), 409, "conflict");
    assertError(owner.post(path, Map.of("user", email(owner))), 409, "conflict");
    assertError(owner.post(path, Map.of("user", "")), 422, "invalid_params");
    assertError(owner.post(path, Map.of()), 422, "invalid_params");
    assertError(owner.delete(path + "/" + email(newUser())), 404, "not_found");
    assertThat(emails(ok(owner.get(path)))).containsExactly(email(owner), email(collaborator));
  }

  private static List<String> emails(JsonNode collaborators) {
    List<String> emails = new java.util.ArrayList<>();
    collaborators.forEach(c -> emails.add(c.at("/user/email").asText()));
    return emails;
  }
}
