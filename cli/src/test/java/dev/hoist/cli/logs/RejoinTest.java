package dev.hoist.cli.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RejoinTest {

  private static final Instant OPENED = Instant.parse("2026-11-21T23:35:00Z");

  private static byte[] line(String text) {
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static List<byte[]> lines(String... texts) {
    return List.of(texts).stream().map(RejoinTest::line).toList();
  }

  private static List<String> texts(List<byte[]> lines) {
    return lines.stream().map(l -> new String(l, StandardCharsets.UTF_8).strip()).toList();
  }

  /** Offers each line at {@code OPENED} and collects what is let through, the end included. */
  private static List<String> rejoin(Rejoin rejoin, String... stream) {
    List<byte[]> out = new ArrayList<>();
    for (String text : stream) {
      out.addAll(rejoin.offer(line(text), OPENED));
    }
    out.addAll(rejoin.end());
    return texts(out);
  }

  @Test
  void letsEverythingThroughWhenNothingWasPrinted() {
    Rejoin rejoin = new Rejoin(List.of(), 100, OPENED);

    assertThat(rejoin.joined()).isTrue();
    assertThat(rejoin(rejoin, "a", "b")).containsExactly("a", "b");
    assertThat(rejoin.gap()).isFalse();
  }

  @Test
  void dropsTheHistoryUpToTheLastLinePrintedAndJoinsAtOnce() {
    Rejoin rejoin = new Rejoin(lines("a", "b"), 1500, OPENED);

    assertThat(rejoin.offer(line("z"), OPENED)).isEmpty();
    assertThat(rejoin.offer(line("a"), OPENED)).isEmpty();
    assertThat(rejoin.offer(line("b"), OPENED)).isEmpty();
    assertThat(rejoin.joined()).isTrue();
    assertThat(texts(rejoin.offer(line("c"), OPENED))).containsExactly("c");
    assertThat(rejoin.gap()).isFalse();
  }

  @Test
  void joinsAfterTheLongestRunOfIdenticalLinesThatWerePrinted() {
    Rejoin rejoin = new Rejoin(lines("x", "same", "same"), 1500, OPENED);

    assertThat(rejoin(rejoin, "w", "x", "same", "same", "same", "y")).containsExactly("same", "y");
  }

  @Test
  void joinsWhereAHistoryThatStartsInsideThePrintedLinesEnds() {
    Rejoin rejoin = new Rejoin(lines("a", "b", "c"), 1500, OPENED);

    assertThat(rejoin(rejoin, "b", "c", "d")).containsExactly("d");
    assertThat(rejoin.gap()).isFalse();
  }

  @Test
  void joinsAtTheBestPartialMatchWhenThePrintedLinesHadAHole() {
    // "b" never reached the screen (the api drops lines for a slow reader)
    Rejoin rejoin = new Rejoin(lines("a", "c"), 1500, OPENED);

    assertThat(rejoin(rejoin, "a", "b", "c", "d")).containsExactly("d");
    assertThat(rejoin.gap()).isFalse();
  }

  @Test
  void letsTheWholeHistoryThroughAndReportsAGapWhenThePrintedLinesAreGone() {
    Rejoin rejoin = new Rejoin(lines("a", "b"), 1500, OPENED);

    assertThat(rejoin(rejoin, "x", "y")).containsExactly("x", "y");
    assertThat(rejoin.gap()).isTrue();
  }

  @Test
  void decidesOnceAsManyLinesAsTheHistoryHoldsHaveArrived() {
    Rejoin rejoin = new Rejoin(lines("a"), 3, OPENED);

    assertThat(rejoin.offer(line("x"), OPENED)).isEmpty();
    assertThat(rejoin.offer(line("y"), OPENED)).isEmpty();
    assertThat(texts(rejoin.offer(line("z"), OPENED))).containsExactly("x", "y", "z");
    assertThat(rejoin.gap()).isTrue();
  }

  @Test
  void decidesWithTheFirstLineThatArrivesLongAfterTheStreamOpened() {
    Rejoin rejoin = new Rejoin(lines("a", "b"), 1500, OPENED);

    assertThat(rejoin.offer(line("x"), OPENED)).isEmpty();
    assertThat(rejoin.offer(line("y"), OPENED.plus(Rejoin.HISTORY_TIME).minusMillis(1))).isEmpty();
    assertThat(texts(rejoin.offer(line("z"), OPENED.plus(Rejoin.HISTORY_TIME))))
        .containsExactly("x", "y", "z");
    assertThat(rejoin.gap()).isTrue();
  }

  @Test
  void findsTheJoinInAFullHistory() {
    List<String> history = IntStream.range(0, 1500).mapToObj(i -> "line " + i).toList();
    Rejoin rejoin =
        new Rejoin(
            history.subList(1000, 1100).stream().map(RejoinTest::line).toList(), 1500, OPENED);

    List<String> out = rejoin(rejoin, history.toArray(String[]::new));

    assertThat(out).isEqualTo(history.subList(1100, 1500));
  }
}
