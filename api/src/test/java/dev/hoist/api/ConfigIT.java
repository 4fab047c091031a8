package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /apps/{app}/config-vars}: set, unset, the release each change makes, and every refusal.
 */
class ConfigIT extends ApiTest {
  @Test
  void setsReadsAndUnsetsConfigVarsEachChangeMakingARelease() {
    Http user = newUser();
    String app = newApp(user, "config");

    JsonNode set = ok(user.patch("/apps/" + app + "/config-vars", "{\"A\": \"1\", \"B\": \"2\"}"));
    JsonNode unset = ok(user.patch("/apps/" + app + "/config-vars", nulls("B")));

    assertThat(set).isEqualTo(json(Map.of("A", "1", "B", "2")));
    assertThat(unset).isEqualTo(json(Map.of("A", "1")));
    assertThat(config(user, app)).isEqualTo(json(Map.of("A", "1")));
    assertThat(values(releases(user, app), "description"))
        .containsExactly("Initial release", "Set A, B config vars", "Unset B config vars");
  }

  @Test
  void describesASetAndAnUnsetInOneChange() {
    Http user = newUser();
    String app = newApp(user, "both");
    user.patch("/apps/" + app + "/config-vars", Map.of("OLD", "x"));
    Map<String, String> change = new LinkedHashMap<>(nulls("OLD"));
    change.put("NEW", "y");

    user.patch("/apps/" + app + "/config-vars", change);

    JsonNode newest = releases(user, app).get(2);
    assertThat(newest.get("description").asText()).isEqualTo("Set NEW, unset OLD config vars");
    assertThat(newest.get("current").asBoolean()).isTrue();
  }

  @Test
  void aPatchThatChangesNothingMakesNoRelease() {
    Http user = newUser();
    String app = newApp(user, "same");
    user.patch("/apps/" + app + "/config-vars", Map.of("A", "1"));

    JsonNode same = ok(user.patch("/apps/" + app + "/config-vars", Map.of("A", "1")));
    JsonNode unsetMissing = ok(user.patch("/apps/" + app + "/config-vars", nulls("NEVER_SET")));

    assertThat(same).isEqualTo(json(Map.of("A", "1")));
    assertThat(unsetMissing).isEqualTo(json(Map.of("A", "1")));
    assertThat(releases(user, app)).hasSize(2);
  }

  @Test
  void showsTheConfigAsOfEachRelease() {
    Http user = newUser();
    String app = newApp(user, "history");
    user.patch("/apps/" + app + "/config-vars", Map.of("A", "1"));
    user.patch("/apps/" + app + "/config-vars", Map.of("A", "2", "B", "3"));
    String v2 = releases(user, app).get(1).get("id").asText();

    assertThat(ok(user.get("/apps/" + app + "/releases/1/config-vars"))).isEmpty();
    assertThat(ok(user.get("/apps/" + app + "/releases/" + v2 + "/config-vars")))
        .isEqualTo(json(Map.of("A", "1")));
    assertThat(ok(user.get("/apps/" + app + "/releases/v3/config-vars")))
        .isEqualTo(json(Map.of("A", "2", "B", "3")));
    assertError(user.get("/apps/" + app + "/releases/9/config-vars"), 404, "not_found");
  }

  static Stream<Arguments> badPatches() {
    String big = "{\"BIG\": \"" + "x".repeat(MAX_JSON_BYTES) + "\"}";
    return Stream.of(
        Arguments.of("key starting with a digit", "{\"1ABC\": \"v\"}", null, 422, "invalid_params"),
        Arguments.of("key with a dash", "{\"A-B\": \"v\"}", null, 422, "invalid_params"),
        Arguments.of("empty key", "{\"\": \"v\"}", null, 422, "invalid_params"),
        Arguments.of("key with a space", "{\"A B\": \"v\"}", null, 422, "invalid_params"),
        Arguments.of(
            "a good key with a bad one",
            "{\"GOOD\": \"v\", \"1BAD\": \"v\"}",
            null,
            422,
            "invalid_params"),
        Arguments.of("number value", "{\"A\": 1}", null, 422, "invalid_params"),
        Arguments.of("object value", "{\"A\": {\"x\": \"y\"}}", null, 422, "invalid_params"),
        Arguments.of("boolean value", "{\"A\": true}", null, 422, "invalid_params"),
        Arguments.of("empty object", "{}", null, 422, "invalid_params"),
        Arguments.of(
            "over 32 KiB in all",
            "{\"HUGE\": \"" + "x".repeat(32 * 1024) + "\"}",
            null,
            422,
            "invalid_params"),
        Arguments.of("array body", "[\"A\"]", null, 400, "bad_request"),
        Arguments.of("string body", "\"A=1\"", null, 400, "bad_request"),
        Arguments.of("invalid JSON", "{\"A\": \"1\"", null, 400, "bad_request"),
        Arguments.of("no body", null, null, 400, "bad_request"),
        Arguments.of("text/plain", "{\"A\": \"1\"}", "text/plain", 415, "unsupported_media_type"),
        Arguments.of("over 1 MiB", big, null, 413, "payload_too_large"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPatches")
  void refusesABadPatchAndChangesNothing(
      String why, String body, String contentType, int status, String id) {
    Http user = newUser();
    String app = newApp(user, "refuse");
    user.patch("/apps/" + app + "/config-vars", Map.of("KEEP", "me"));
    Http caller = contentType == null ? user : user.with("Content-Type", contentType);

    assertError(caller.send("PATCH", "/apps/" + app + "/config-vars", body), status, id);
    assertThat(config(user, app)).isEqualTo(json(Map.of("KEEP", "me")));
    assertThat(releases(user, app)).hasSize(2);
  }

  @Test
  void refusesAChunkedBodyOverTheLimitAndChangesNothing() {
    Http user = newUser();
    String app = newApp(user, "chunked");
    String big = "{\"BIG\": \"" + "x".repeat(MAX_JSON_BYTES) + "\"}";

    assertError(
        user.sendChunked("PATCH", "/apps/" + app + "/config-vars", big), 413, "payload_too_large");
    assertThat(config(user, app)).isEmpty();
    assertThat(releases(user, app)).hasSize(1);
  }

  @Test
  void acceptsConfigOfExactly32KiB() {
    Http user = newUser();
    String app = newApp(user, "limit");

    ok(user.patch("/apps/" + app + "/config-vars", Map.of("K", "x".repeat(32 * 1024 - 1))));

    assertThat(releases(user, app)).hasSize(2);
  }

  @Test
  void unknownAppIsNotFound() {
    Http user = newUser();

    assertError(user.get("/apps/" + appName("missing") + "/config-vars"), 404, "not_found");
    assertError(
        user.patch("/apps/" + appName("missing") + "/config-vars", Map.of("A", "1")),
        404,
        "not_found");
  }

  private static Map<String, String> nulls(String key) {
    Map<String, String> m = new HashMap<>();
    m.put(key, null);
    return m;
  }

  private static JsonNode json(Map<String, String> map) {
    return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(map);
  }
}
