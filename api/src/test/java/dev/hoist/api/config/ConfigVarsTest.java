package dev.hoist.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.api.web.ApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How a config PATCH applies: sets, unsets, the description, and the rules on keys, values and
 * size.
 */
class ConfigVarsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  @Test
  void setsAndUnsetsAndDescribesBothInPatchOrder() {
    ConfigVars.Change change =
        ConfigVars.apply(
            Map.of("OLD", "x", "KEEP", "k"),
            json("{\"NEW\": \"1\", \"OLD\": null, \"ALSO\": \"2\"}"));

    assertThat(change.result())
        .containsExactly(Map.entry("ALSO", "2"), Map.entry("KEEP", "k"), Map.entry("NEW", "1"));
    assertThat(change.set()).containsExactly("NEW", "ALSO");
    assertThat(change.unset()).containsExactly("OLD");
    assertThat(change.description()).isEqualTo("Set NEW, ALSO, unset OLD config vars");
    assertThat(change.changes(Map.of("OLD", "x", "KEEP", "k"))).isTrue();
  }

  @Test
  void describesAnUnsetAlone() {
    assertThat(ConfigVars.apply(Map.of("B", "1"), json("{\"B\": null}")).description())
        .isEqualTo("Unset B config vars");
  }

  @Test
  void settingTheSameValueOrUnsettingAMissingKeyChangesNothing() {
    Map<String, String> config = Map.of("A", "1");

    ConfigVars.Change change = ConfigVars.apply(config, json("{\"A\": \"1\", \"MISSING\": null}"));

    assertThat(change.changes(config)).isFalse();
    assertThat(change.set()).isEmpty();
    assertThat(change.unset()).isEmpty();
  }

  @Test
  void acceptsAnEmptyStringValue() {
    assertThat(ConfigVars.apply(Map.of(), json("{\"EMPTY\": \"\"}")).result())
        .containsEntry("EMPTY", "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "_", "_a1", "lower_case", "DATABASE_URL", "x9"})
  void acceptsKeysOfLettersDigitsAndUnderscores(String key) {
    assertThat(ConfigVars.apply(Map.of(), JSON.createObjectNode().put(key, "v")).set())
        .containsExactly(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1ABC", "A-B", "", "A B", "A.B", "Ä", "A=B"})
  void refusesBadKeys(String key) {
    assertInvalid(
        () -> ConfigVars.apply(Map.of(), JSON.createObjectNode().put(key, "v")),
        422,
        "invalid_params");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"A\": 1}",
        "{\"A\": true}",
        "{\"A\": {\"x\": \"y\"}}",
        "{\"A\": [\"x\"]}",
        "{}"
      })
  void refusesNonStringValuesAndEmptyPatches(String patch) {
    assertInvalid(() -> ConfigVars.apply(Map.of(), json(patch)), 422, "invalid_params");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "error.html",
        "/error.html",
        "ftp://example.com/e.html",
        "javascript:alert(1)",
        "https://",
        "http://exa mple.com/"
      })
  void refusesAnErrorOrMaintenancePageThatIsNotAnHttpUrlAndNamesTheVar(String url) {
    // the router frames these in its 503 pages: a value no browser can load there is a mistake to
    // say now
    for (String key : new String[] {"ERROR_PAGE_URL", "MAINTENANCE_PAGE_URL"}) {
      assertThatThrownBy(() -> ConfigVars.apply(Map.of(), JSON.createObjectNode().put(key, url)))
          .isInstanceOf(ApiException.class)
          .hasMessageStartingWith(
              key + " must be an absolute http or https URL, such as https://pages.example.com/");
    }
  }

  @Test
  void acceptsHttpAndHttpsPageUrlsAndUnsettingThem() {
    ConfigVars.Change change =
        ConfigVars.apply(
            Map.of("MAINTENANCE_PAGE_URL", "https://p.example.com/m.html"),
            json(
                "{\"ERROR_PAGE_URL\": \"http://p.example.com/e.html?v=2\", \"MAINTENANCE_PAGE_URL\": null}"));

    assertThat(change.result())
        .containsExactly(Map.entry("ERROR_PAGE_URL", "http://p.example.com/e.html?v=2"));
    assertThat(ConfigVars.apply(Map.of(), json("{\"OTHER_PAGE_URL\": \"anything\"}")).set())
        .as("only the two the router reads are checked")
        .containsExactly("OTHER_PAGE_URL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"A=1\"", "1", "null"})
  void refusesAPatchThatIsNotAnObjectAsABadRequest(String patch) {
    assertInvalid(() -> ConfigVars.apply(Map.of(), json(patch)), 400, "bad_request");
  }

  @Test
  void refusesAMissingPatch() {
    assertInvalid(() -> ConfigVars.apply(Map.of(), null), 400, "bad_request");
  }

  @Test
  void allowsExactly32KiBOfKeysAndValuesAndNoMore() {
    Map<String, String> config = Map.of("AB", "x".repeat(1000));
    int left = ConfigVars.MAX_BYTES - 2 - 1000 - 1;

    assertThat(
            ConfigVars.apply(config, JSON.createObjectNode().put("C", "y".repeat(left))).result())
        .hasSize(2);
    assertInvalid(
        () -> ConfigVars.apply(config, JSON.createObjectNode().put("C", "y".repeat(left + 1))),
        422,
        "invalid_params");
  }

  @Test
  void countsTheLimitInUtf8BytesNotCharacters() {
    String euros =
        "€".repeat(ConfigVars.MAX_BYTES / 3 + 1); // three bytes each: under the limit in characters

    assertInvalid(
        () -> ConfigVars.apply(Map.of(), JSON.createObjectNode().put("E", euros)),
        422,
        "invalid_params");
  }

  @Test
  void unsettingFreesRoomUnderTheLimit() {
    Map<String, String> config = Map.of("BIG", "x".repeat(ConfigVars.MAX_BYTES - 3));

    ConfigVars.Change change = ConfigVars.apply(config, json("{\"BIG\": null, \"SMALL\": \"y\"}"));

    assertThat(change.result()).containsOnlyKeys("SMALL");
  }

  private static void assertInvalid(Runnable call, int status, String id) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(status);
              assertThat(e.id()).isEqualTo(id);
            });
  }
}
