package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /apps/{app}/formation} and {@code /dyno-sizes}: scaling, resizing, and atomic refusals.
 */
class FormationIT extends ApiTest {
  /** A batch PATCH; {@code updates} is JSON written with single quotes for readability. */
  private static Http.Response scale(Http user, String app, String updates) {
    return user.patch(
        "/apps/" + app + "/formation", "{\"updates\": " + updates.replace('\'', '"') + "}");
  }

  /** One type's formation as {@code type=quantity:size}, as {@code hoist ps} shows it. */
  private static String row(JsonNode formation, String type) {
    for (JsonNode f : formation) {
      if (f.get("type").asText().equals(type)) {
        return type + "=" + f.get("quantity").asInt() + ":" + f.get("size").asText();
      }
    }
    return type + " absent";
  }

  private static String web(Http.Response answer) {
    return row(ok(answer), "web");
  }

  @Test
  void scalesSeveralTypesInOneBatchBeforeAnySlug() {
    Http user = newUser();
    String app = newApp(user, "batch");

    JsonNode answer =
        ok(scale(user, app, "[{'type': 'web', 'quantity': 2}, {'type': 'worker', 'quantity': 1}]"));

    assertThat(answer).isEqualTo(formation(user, app));
    assertThat(row(answer, "web")).isEqualTo("web=2:standard-1X");
    assertThat(row(answer, "worker")).isEqualTo("worker=1:standard-1X");
    assertThat(answer.get(0).at("/app/name").asText()).isEqualTo(app);
    assertThat(answer.get(0).get("command").isNull()).isTrue();
  }

  @Test
  void takesQuantityAsNumberAsStringAndRelative() {
    Http user = newUser();
    String app = newApp(user, "qty");

    assertThat(web(scale(user, app, "[{'type': 'web', 'quantity': '3'}]")))
        .isEqualTo("web=3:standard-1X");
    assertThat(web(scale(user, app, "[{'type': 'web', 'quantity': '+1'}]")))
        .isEqualTo("web=4:standard-1X");
    assertThat(web(scale(user, app, "[{'type': 'web', 'quantity': '-1'}]")))
        .isEqualTo("web=3:standard-1X");
    assertThat(web(scale(user, app, "[{'type': 'web', 'quantity': 0}]")))
        .isEqualTo("web=0:standard-1X");
    assertThat(web(scale(user, app, "[{'type': 'web', 'quantity': 100}]")))
        .isEqualTo("web=100:standard-1X");
  }

  @Test
  void takesSizeInAnyCaseAndAsDynoSize() {
    Http user = newUser();
    String app = newApp(user, "size");

    assertThat(web(scale(user, app, "[{'type': 'web', 'quantity': 1, 'size': 'standard-2x'}]")))
        .isEqualTo("web=1:standard-2X");
    assertThat(web(scale(user, app, "[{'type': 'web', 'dyno_size': {'name': 'PERFORMANCE-M'}}]")))
        .isEqualTo("web=1:performance-M");
    JsonNode one =
        ok(
            user.patch(
                "/apps/" + app + "/formation/web", Map.of("quantity", 2, "size", "Standard-1x")));
    assertThat(one.get("quantity").asInt()).isEqualTo(2);
    assertThat(one.at("/dyno_size/name").asText()).isEqualTo("standard-1X");
    assertThat(ok(user.get("/apps/" + app + "/formation/web"))).isEqualTo(one);
  }

  /**
   * An explicit {@code "quantity": null} means no quantity, as an absent one does (and as {@code
   * "size": null}).
   */
  @Test
  void resizesWhenQuantityIsExplicitlyNull() {
    Http user = newUser();
    String app = newApp(user, "nullqty");
    ok(scale(user, app, "[{'type': 'web', 'quantity': 2}]"));

    Http.Response resized =
        scale(user, app, "[{'type': 'web', 'quantity': null, 'size': 'standard-2X'}]");

    assertThat(resized.status()).as("%s", resized).isEqualTo(200);
    assertThat(row(formation(user, app), "web")).isEqualTo("web=2:standard-2X");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "quantity abc         | [{'type': 'web', 'quantity': 'abc'}]                                 | 422",
        "quantity -1          | [{'type': 'web', 'quantity': -1}]                                    | 422",
        "quantity 101         | [{'type': 'web', 'quantity': 101}]                                   | 422",
        "quantity 2.5         | [{'type': 'web', 'quantity': 2.5}]                                   | 422",
        "quantity true        | [{'type': 'web', 'quantity': true}]                                  | 422",
        "relative below zero  | [{'type': 'web', 'quantity': '-3'}]                                  | 422",
        "quantity null        | [{'type': 'web', 'quantity': null}]                                  | 422",
        "size huge            | [{'type': 'web', 'size': 'huge'}]                                    | 422",
        "size and dyno_size   | [{'type': 'web', 'size': 'eco', 'dyno_size': {'name': 'eco'}}]       | 422",
        "missing type         | [{'quantity': 1}]                                                    | 422",
        "bad type name        | [{'type': 'web!', 'quantity': 1}]                                    | 422",
        "same type twice      | [{'type': 'web', 'quantity': 1}, {'type': 'web', 'quantity': 3}]     | 422",
        "no change            | [{'type': 'web'}]                                                    | 422",
        "empty updates        | []                                                                   | 422",
        "good then bad        | [{'type': 'web', 'quantity': 5}, {'type': 'worker', 'quantity': 'abc'}] | 422",
        "new type then bad    | [{'type': 'clock', 'quantity': 1}, {'type': 'web', 'size': 'huge'}]  | 422",
        "updates not a list   | 'web=2'                                                              | 400",
        "size not a string    | [{'type': 'web', 'size': ['eco']}]                                   | 400",
        "unknown field        | [{'type': 'web', 'quantity': 1, 'colour': 'red'}]                    | 400"
      })
  void refusesABadBatchWholeAndChangesNothing(String why, String updates, int status) {
    Http user = newUser();
    String app = newApp(user, "atomic");
    ok(scale(user, app, "[{'type': 'web', 'quantity': 2}, {'type': 'worker', 'quantity': 1}]"));
    JsonNode before = formation(user, app);

    assertError(
        scale(user, app, updates), status, status == 400 ? "bad_request" : "invalid_params");
    assertThat(formation(user, app)).isEqualTo(before);
  }

  @Test
  void refusesABodyWithoutUpdates() {
    Http user = newUser();
    String app = newApp(user, "noupdates");

    assertError(user.patch("/apps/" + app + "/formation", Map.of()), 422, "invalid_params");
    assertThat(formation(user, app)).isEmpty();
  }

  @Test
  void listsDynoSizesWithMemory() {
    JsonNode sizes = ok(newUser().get("/dyno-sizes"));

    assertThat(values(sizes, "name"))
        .containsExactly(
            "eco", "basic", "standard-1X", "standard-2X", "performance-M", "performance-L");
    for (JsonNode size : sizes) {
      assertThat(size.get("memory").asDouble()).as(size.toString()).isPositive();
      assertThat(size.get("pids").asInt()).as(size.toString()).isPositive();
    }
    assertThat(sizes.get(3).get("memory").asDouble()).isEqualTo(1.0);
  }

  @Test
  void theFirstDeployStartsOneWebDynoAndNoWorkers() {
    Http user = newUser();
    String app = newApp(user, "deploy");

    deploy(user, app, Map.of("web", "./server", "worker", "./work"));

    JsonNode formation = formation(user, app);
    assertThat(row(formation, "web")).isEqualTo("web=1:standard-1X");
    assertThat(row(formation, "worker")).isEqualTo("worker=0:standard-1X");
    assertThat(ok(user.get("/apps/" + app + "/formation/web")).get("command").asText())
        .isEqualTo("./server");
  }

  @Test
  void keepsAScaleSetBeforeTheFirstDeploy() {
    Http user = newUser();
    String app = newApp(user, "early");
    ok(scale(user, app, "[{'type': 'web', 'quantity': 3, 'size': 'standard-2X'}]"));

    deploy(user, app, Map.of("web", "./server"));

    assertThat(row(formation(user, app), "web")).isEqualTo("web=3:standard-2X");
  }

  @Test
  void refusesToScaleATypeTheCurrentSlugDoesNotHave() {
    Http user = newUser();
    String app = newApp(user, "types");
    deploy(user, app, Map.of("web", "./server", "worker", "./work"));
    JsonNode before = formation(user, app);

    assertError(scale(user, app, "[{'type': 'clock', 'quantity': 1}]"), 404, "not_found");
    assertError(
        scale(user, app, "[{'type': 'web', 'quantity': 2}, {'type': 'clock', 'quantity': 1}]"),
        404,
        "not_found");
    assertError(
        user.patch("/apps/" + app + "/formation/clock", Map.of("quantity", 1)), 404, "not_found");
    assertError(user.get("/apps/" + app + "/formation/clock"), 404, "not_found");
    assertThat(formation(user, app)).isEqualTo(before);
  }
}
