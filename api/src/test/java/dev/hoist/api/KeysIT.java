package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import dev.hoist.api.support.SshKeys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /account/keys} with real keys from {@code ssh-keygen}. */
class KeysIT extends ApiTest {
  @BeforeAll
  static void needsSshKeygen() {
    assumeTrue(SshKeys.available(), "ssh-keygen is not installed");
  }

  @Test
  void addsAnEd25519KeyWithTheFingerprintSshKeygenPrints() {
    Http user = newUser();
    Path pub = SshKeys.generate("ed25519", null, "me@laptop");

    Http.Response added = user.post("/account/keys", Map.of("public_key", SshKeys.line(pub)));

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().get("fingerprint").asText()).isEqualTo(SshKeys.fingerprint(pub));
    assertThat(added.json().get("public_key").asText()).isEqualTo(SshKeys.line(pub));
    assertThat(added.json().get("comment").asText()).isEqualTo("me@laptop");
    assertThat(added.json().get("email").asText()).isEqualTo(email(user));
  }

  @Test
  void acceptsRsaAndEcdsaKeys() {
    Http user = newUser();
    Path rsa = SshKeys.generate("rsa", 3072, "rsa");
    Path ecdsa = SshKeys.generate("ecdsa", 384, "ecdsa");

    assertThat(user.post("/account/keys", Map.of("public_key", SshKeys.line(rsa))).status())
        .isEqualTo(201);
    assertThat(user.post("/account/keys", Map.of("public_key", SshKeys.line(ecdsa))).status())
        .isEqualTo(201);
    assertThat(values(ok(user.get("/account/keys")), "fingerprint"))
        .containsExactly(SshKeys.fingerprint(rsa), SshKeys.fingerprint(ecdsa));
  }

  @Test
  void listsGetsByIdAndByFingerprintThenDeletes() {
    Http user = newUser();
    Path pub = keyWhoseFingerprint(false);
    JsonNode key = user.post("/account/keys", Map.of("public_key", SshKeys.line(pub))).json();
    String id = key.get("id").asText();
    String fingerprint = key.get("fingerprint").asText();

    assertThat(values(ok(user.get("/account/keys")), "id")).containsExactly(id);
    assertThat(ok(user.get("/account/keys/" + id)).get("fingerprint").asText())
        .isEqualTo(fingerprint);
    assertThat(ok(user.get("/account/keys/" + encode(fingerprint))).get("id").asText())
        .isEqualTo(id);
    assertThat(ok(user.delete("/account/keys/" + id)).get("id").asText()).isEqualTo(id);
    assertThat(ok(user.get("/account/keys"))).isEmpty();
    assertError(user.get("/account/keys/" + id), 404, "not_found");
  }

  @Test
  void findsAndDeletesAKeyWhoseFingerprintContainsASlash() {
    Http user = newUser();
    Path pub = keyWhoseFingerprint(true);
    String fingerprint = SshKeys.fingerprint(pub);
    user.post("/account/keys", Map.of("public_key", SshKeys.line(pub)));

    Http.Response found = user.get("/account/keys/" + encode(fingerprint));
    Http.Response deleted = user.delete("/account/keys/" + encode(fingerprint));

    assertThat(found.status()).as("GET by fingerprint %s: %s", fingerprint, found).isEqualTo(200);
    assertThat(deleted.status())
        .as("DELETE by fingerprint %s: %s", fingerprint, deleted)
        .isEqualTo(200);
    assertThat(ok(user.get("/account/keys"))).isEmpty();
  }

  @Test
  void refusesAKeyAlreadyRegisteredEvenByAnotherAccount() {
    Http alice = newUser();
    Http bob = newUser();
    String line = SshKeys.ed25519("shared");
    alice.post("/account/keys", Map.of("public_key", line));

    assertError(alice.post("/account/keys", Map.of("public_key", line)), 409, "conflict");
    assertError(
        bob.post("/account/keys", Map.of("public_key", line.replace("shared", "bob"))),
        409,
        "conflict");
    assertThat(ok(alice.get("/account/keys"))).hasSize(1);
    assertThat(ok(bob.get("/account/keys"))).isEmpty();
  }

  @Test
  void refusesKeysThatDoNotParseAndStoresNothing() {
    Http user = newUser();
    String ed25519 = SshKeys.ed25519("x");
    String blob = ed25519.split(" ")[1];
    Map<String, String> bad =
        Map.of(
            "garbage",
            "this is not a key",
            "bad base64",
            "ssh-ed25519 AAAA!!!notbase64*** me",
            "valid base64 but no key inside",
            "ssh-ed25519 " + Base64.getEncoder().encodeToString(new byte[] {1, 2}),
            "type mismatch",
            "ssh-rsa " + blob + " liar",
            "rsa 1024",
            SshKeys.line(SshKeys.generate("rsa", 1024, "small")),
            "unknown type",
            "ssh-dss " + blob,
            "blank",
            "   ");

    bad.forEach(
        (why, line) ->
            assertError(
                user.post("/account/keys", Map.of("public_key", line)), 422, "invalid_params"));
    Map<String, Object> missing = new HashMap<>();
    missing.put("public_key", null);
    assertError(user.post("/account/keys", missing), 422, "invalid_params");
    assertError(user.post("/account/keys", Map.of()), 422, "invalid_params");
    assertThat(ok(user.get("/account/keys"))).isEmpty();
  }

  @Test
  void anotherUsersKeyIsNotFoundAndNotDeleted() {
    Http alice = newUser();
    Http bob = newUser();
    JsonNode key =
        alice
            .post("/account/keys", Map.of("public_key", SshKeys.line(keyWhoseFingerprint(false))))
            .json();
    String id = key.get("id").asText();

    assertError(bob.get("/account/keys/" + id), 404, "not_found");
    assertError(bob.delete("/account/keys/" + id), 404, "not_found");
    assertError(
        bob.delete("/account/keys/" + encode(key.get("fingerprint").asText())), 404, "not_found");
    assertThat(values(ok(alice.get("/account/keys")), "id")).containsExactly(id);
  }

  private static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8);
  }

  /**
   * About half of all SHA-256 fingerprints contain '/'; generates keys until one does (or does
   * not).
   */
  private static Path keyWhoseFingerprint(boolean hasSlash) {
    for (int i = 0; i < 64; i++) {
      Path pub = SshKeys.generate("ed25519", null, "k");
      if (SshKeys.fingerprint(pub).contains("/") == hasSlash) return pub;
    }
    throw new AssertionError("64 keys in a row were not what was asked for");
  }
}
