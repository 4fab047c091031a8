package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /account}, {@code /accounts} (admin) and {@code /oauth/authorizations}, and who may call
 * what.
 */
class AccountsIT extends ApiTest {
  @Test
  void showsTheCallersOwnAccountWithoutAKey() {
    JsonNode me = ok(admin().get("/account"));

    assertThat(me.get("email").asText()).isEqualTo("admin@hoist.local");
    assertThat(me.get("admin").asBoolean()).isTrue();
    assertThat(me.get("id").asText()).isNotBlank();
    assertThat(me.path("api_key").textValue()).isNull();
  }

  @Test
  void adminCreatesAnAccountWhoseKeyIsShownOnceAndWorks() {
    String email = "new" + unique() + "@example.com";

    Http.Response made = admin().post("/accounts", Map.of("email", email));

    assertThat(made.status()).isEqualTo(201);
    assertThat(made.json().get("email").asText()).isEqualTo(email);
    assertThat(made.json().get("admin").asBoolean()).isFalse();
    String key = made.json().get("api_key").asText();
    assertThat(key).startsWith("hoist_");
    assertThat(ok(withKey(key).get("/account")).get("email").asText()).isEqualTo(email);
    JsonNode listed = accountNamed(email);
    assertThat(listed.get("id").asText()).isEqualTo(made.json().get("id").asText());
    assertThat(listed.path("api_key").textValue()).isNull();
  }

  @Test
  void storesEmailsInLowerCase() {
    String email = "Mixed" + unique() + "@Example.COM";

    Http.Response made = admin().post("/accounts", Map.of("email", email));

    assertThat(made.status()).isEqualTo(201);
    assertThat(made.json().get("email").asText()).isEqualTo(email.toLowerCase());
  }

  @Test
  void aNonAdminMayNeitherCreateNorListAccounts() {
    Http user = newUser();
    String email = "sneaky" + unique() + "@example.com";

    assertError(user.post("/accounts", Map.of("email", email)), 403, "forbidden");
    assertError(user.get("/accounts"), 403, "forbidden");
    assertThat(values(ok(admin().get("/accounts")), "email")).doesNotContain(email);
  }

  @Test
  void refusesADuplicateEmailWhateverItsCase() {
    String email = "twice" + unique() + "@example.com";
    admin().post("/accounts", Map.of("email", email));
    int before = ok(admin().get("/accounts")).size();

    assertError(admin().post("/accounts", Map.of("email", email)), 409, "conflict");
    assertError(admin().post("/accounts", Map.of("email", email.toUpperCase())), 409, "conflict");
    assertThat(ok(admin().get("/accounts")).size()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not-an-email",
        "two@at@example.com",
        "has space@example.com",
        "@example.com",
        "user@",
        ""
      })
  void refusesABadEmailAndCreatesNothing(String email) {
    int before = ok(admin().get("/accounts")).size();

    assertError(admin().post("/accounts", Map.of("email", email)), 422, "invalid_params");
    assertThat(ok(admin().get("/accounts")).size()).isEqualTo(before);
  }

  @Test
  void refusesAMissingEmail() {
    int before = ok(admin().get("/accounts")).size();

    Map<String, Object> noEmail = new HashMap<>();
    noEmail.put("email", null);
    assertError(admin().post("/accounts", noEmail), 422, "invalid_params");
    assertError(admin().post("/accounts", Map.of()), 422, "invalid_params");
    assertThat(ok(admin().get("/accounts")).size()).isEqualTo(before);
  }

  @Test
  void refusesCallsWithoutAValidKey() {
    assertError(anonymous().get("/account"), 401, "unauthorized");
    assertError(withKey("hoist_not-a-real-key").get("/account"), 401, "unauthorized");
    assertError(
        anonymous().with("Authorization", "Basic dXNlcjpwYXNz").get("/account"),
        401,
        "unauthorized");
    assertError(component().get("/account"), 401, "unauthorized");
    assertError(anonymous().post("/apps", Map.of("name", appName("anon"))), 401, "unauthorized");
  }

  @Test
  void answersHealthWithoutAKey() {
    assertThat(ok(anonymous().get("/health")).get("status").asText()).isEqualTo("up");
  }

  @Test
  void createsAnAuthorizationWhoseTokenIsShownOnlyOnce() {
    Http user = newUser();

    Http.Response made = user.post("/oauth/authorizations", Map.of("description", "laptop"));

    assertThat(made.status()).isEqualTo(201);
    assertThat(made.json().get("description").asText()).isEqualTo("laptop");
    String token = made.json().at("/access_token/token").asText();
    assertThat(ok(withKey(token).get("/account")).get("email").asText()).isEqualTo(email(user));
    JsonNode listed = authorization(user, made.json().get("id").asText());
    assertThat(listed.get("description").asText()).isEqualTo("laptop");
    assertThat(listed.get("access_token").isNull()).isTrue();
  }

  @Test
  void aRevokedKeyIsRefused() {
    Http user = newUser();
    JsonNode made = user.post("/oauth/authorizations", Map.of("description", "ci")).json();
    String id = made.get("id").asText();
    Http revocable = withKey(made.at("/access_token/token").asText());

    Http.Response revoked = user.delete("/oauth/authorizations/" + id);

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().get("id").asText()).isEqualTo(id);
    assertError(revocable.get("/account"), 401, "unauthorized");
    assertThat(values(ok(user.get("/oauth/authorizations")), "id")).doesNotContain(id);
    assertThat(ok(user.get("/account")).get("email").asText()).isEqualTo(email(user));
  }

  @Test
  void cannotRevokeSomeoneElsesAuthorization() {
    Http alice = newUser();
    JsonNode made = alice.post("/oauth/authorizations", Map.of("description", "alice's")).json();
    String id = made.get("id").asText();

    assertError(newUser().delete("/oauth/authorizations/" + id), 404, "not_found");
    assertError(alice.delete("/oauth/authorizations/not-a-uuid"), 404, "not_found");
    assertThat(withKey(made.at("/access_token/token").asText()).get("/account").status())
        .isEqualTo(200);
    assertThat(authorization(alice, id)).isNotNull();
  }

  @Test
  void refusesAnOverlongAuthorizationDescription() {
    Http user = newUser();
    int before = ok(user.get("/oauth/authorizations")).size();

    assertError(
        user.post("/oauth/authorizations", Map.of("description", "x".repeat(201))),
        422,
        "invalid_params");
    assertThat(ok(user.get("/oauth/authorizations")).size()).isEqualTo(before);
  }

  private JsonNode accountNamed(String email) {
    for (JsonNode a : ok(admin().get("/accounts"))) {
      if (a.get("email").asText().equals(email)) return a;
    }
    throw new AssertionError("GET /accounts does not list " + email);
  }

  private static JsonNode authorization(Http user, String id) {
    for (JsonNode a : ok(user.get("/oauth/authorizations"))) {
      if (a.get("id").asText().equals(id)) return a;
    }
    throw new AssertionError("GET /oauth/authorizations does not list " + id);
  }
}
