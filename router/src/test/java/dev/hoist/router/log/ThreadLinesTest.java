package dev.hoist.router.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThreadLinesTest {
  private static RouterLogLine line(int i) {
    return new RouterLogLine(
        "info",
        null,
        null,
        "GET",
        "/" + i,
        "h",
        "r",
        "f",
        "web.1",
        0,
        1,
        200,
        0,
        "http",
        null,
        Instant.parse("2026-11-21T23:35:40Z"));
  }

  @Test
  void refusesLinesBeyondItsCapacityUntilTheyAreTaken() {
    ThreadLines lines = new ThreadLines(3);
    for (int i = 0; i < 3; i++) assertThat(lines.add("demo", line(i))).isTrue();

    assertThat(lines.add("demo", line(3))).as("a fourth line").isFalse();
    assertThat(lines.refused()).isEqualTo(1);
    LogBatch taken = lines.swap(new LogBatch());

    assertThat(taken.lines()).as("the refused line was not written").isEqualTo(3);
    assertThat(lines.add("demo", line(4))).isTrue();
  }

  @Test
  void swapHandsOverWhatWasWrittenAndGoesOnInTheEmptyBatch() {
    ThreadLines lines = new ThreadLines(10);
    LogBatch empty = new LogBatch();
    lines.add("demo", line(1));

    LogBatch first = lines.swap(empty);
    lines.add("demo", line(2));
    LogBatch second = lines.swap(new LogBatch());

    assertThat(first.lines()).isEqualTo(1);
    assertThat(second).isSameAs(empty);
    assertThat(new String(second.bytes(), 0, second.size()))
        .contains("path=\"/2\"")
        .doesNotContain("path=\"/1\"");
  }
}
