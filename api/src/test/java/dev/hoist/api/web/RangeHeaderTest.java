package dev.hoist.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parsing Heroku-style {@code Range} headers, which values they admit, and the {@code Next-Range}
 * they lead to.
 */
class RangeHeaderTest {
  private static List<Integer> admitted(RangeHeader range, int... values) {
    return IntStream.of(values).filter(range::admits).boxed().toList();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void noHeaderMeansEverythingAscendingUpToTheDefaultPage(String header) {
    RangeHeader range = RangeHeader.parse(header, "version");

    assertThat(range.descending()).isFalse();
    assertThat(range.max()).isEqualTo(RangeHeader.DEFAULT_MAX);
    assertThat(admitted(range, 1, 2, 500)).containsExactly(1, 2, 500);
  }

  @Test
  void parsesTheFullForm() {
    RangeHeader range = RangeHeader.parse("version ]5..1; order=desc, max=10", "version");

    assertThat(range).isEqualTo(new RangeHeader("version", 5, true, 1, true, 10));
  }

  @Test
  void parsesOpenBoundsAndOptionsInAnyOrderWithSpaces() {
    RangeHeader range = RangeHeader.parse("  version  ..  ;  max = 2 ,order = desc ", "version");

    assertThat(range).isEqualTo(new RangeHeader("version", null, false, null, true, 2));
  }

  @Test
  void admitsAnInclusiveAscendingRange() {
    assertThat(admitted(RangeHeader.parse("version 2..4", "version"), 1, 2, 3, 4, 5))
        .containsExactly(2, 3, 4);
  }

  @Test
  void admitsAnExclusiveStartInEitherOrder() {
    assertThat(admitted(RangeHeader.parse("version ]2..", "version"), 1, 2, 3, 4))
        .containsExactly(3, 4);
    assertThat(admitted(RangeHeader.parse("version ]4..; order=desc", "version"), 5, 4, 3, 2))
        .containsExactly(3, 2);
    assertThat(admitted(RangeHeader.parse("version 4..2; order=desc", "version"), 5, 4, 3, 2, 1))
        .containsExactly(4, 3, 2);
  }

  @Test
  void nextRangeContinuesAfterTheLastItemAndKeepsOrderAndMax() {
    RangeHeader range = RangeHeader.parse("version ..; order=desc, max=2", "version");

    String next = range.next(4);

    assertThat(next).isEqualTo("version ]4..; order=desc, max=2");
    assertThat(admitted(RangeHeader.parse(next, "version"), 5, 4, 3, 2, 1))
        .containsExactly(3, 2, 1);
  }

  @Test
  void nextRangeKeepsTheEndBound() {
    String next = RangeHeader.parse("version 1..9; max=3", "version").next(3);

    assertThat(next).isEqualTo("version ]3..9; order=asc, max=3");
    assertThat(RangeHeader.parse(next, "version"))
        .isEqualTo(new RangeHeader("version", 3, true, 9, false, 3));
  }

  @Test
  void acceptsMaxFromOneToTheLimit() {
    assertThat(RangeHeader.parse("version ..; max=1", "version").max()).isEqualTo(1);
    assertThat(RangeHeader.parse("version ..; max=1000", "version").max())
        .isEqualTo(RangeHeader.LIMIT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "id ..",
        "version..",
        "version ..; max=0",
        "version ..; max=1001",
        "version ..; max=5000",
        "version ..; max=ten",
        "version ..; order=sideways",
        "version ..; colour=blue",
        "version ..; max",
        "version 99999999999..",
        "version -1..",
        "version ..]3"
      })
  void refusesAnInvalidRangeWith416(String header) {
    assertThatThrownBy(() -> RangeHeader.parse(header, "version"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(416);
              assertThat(e.id()).isEqualTo("invalid_range");
            });
  }
}
