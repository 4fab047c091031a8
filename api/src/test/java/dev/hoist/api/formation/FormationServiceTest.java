package dev.hoist.api.formation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hoist.api.web.ApiException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link FormationService#quantity}: absolute and relative quantities, and what is not one. */
class FormationServiceTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Test
  void takesANumberAsIs() {
    assertThat(FormationService.quantity("web", JSON.numberNode(3), 7)).isEqualTo(3);
    assertThat(FormationService.quantity("web", JSON.numberNode(0), 7)).isZero();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "3 | 7 | 3",
        "+1 | 2 | 3",
        "-1 | 2 | 1",
        "+0 | 5 | 5",
        "' 4 ' | 0 | 4",
        "007 | 0 | 7",
        "-2 | 1 | -1"
      })
  void takesANumericStringAbsoluteOrRelativeToTheCurrentQuantity(
      String text, int now, int expected) {
    assertThat(FormationService.quantity("web", JSON.textNode(text), now)).isEqualTo(expected);
  }

  static Stream<JsonNode> notQuantities() {
    return Stream.of(
        JSON.textNode("abc"),
        JSON.textNode(""),
        JSON.textNode("++1"),
        JSON.textNode("1e2"),
        JSON.textNode("2.5"),
        JSON.textNode("12345"),
        JSON.numberNode(2.5),
        JSON.numberNode(10_000_000_000L),
        JSON.booleanNode(true),
        JSON.nullNode(),
        JSON.arrayNode().add(1),
        JSON.objectNode());
  }

  @ParameterizedTest
  @MethodSource("notQuantities")
  void refusesWhatIsNotAWholeNumber(JsonNode node) {
    assertThatThrownBy(() -> FormationService.quantity("web", node, 1))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(422);
              assertThat(e.id()).isEqualTo("invalid_params");
              assertThat(e.getMessage()).contains("web");
            });
  }
}
