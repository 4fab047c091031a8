package dev.hoist.cli.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a reopened log stream joins what was already printed. The api has no resume cursor: a new
 * session sends its recent lines (the history), then new ones. This class holds the new stream's
 * lines back until it finds the last lines printed among them, drops everything up to there and
 * lets the rest through, so no line is printed twice and the lines of the gap are printed once.
 *
 * <p>Lines are compared whole and raw. The place to join is where the longest run of the printed
 * lines' end matches: a line carries a microsecond timestamp, so a single line almost always
 * decides, and identical consecutive lines are told apart by the lines before them. A match of the
 * whole window of printed lines decides at once. Otherwise the best partial match (the printed
 * lines had a hole: the api drops lines for a reader too slow to take them) or, without one,
 * nothing is dropped and {@link #gap()} says that lines may be missing; that is decided once the
 * history has surely arrived: when as many lines as were asked for are held, when the stream ends
 * cleanly, or with the first line that arrives {@link #HISTORY_TIME} after the stream opened (a
 * history is sent in one go, right after the stream opens).
 *
 * <p>One instance per reopened stream; not thread-safe.
 */
final class Rejoin {

  static final Duration HISTORY_TIME = Duration.ofSeconds(5);

  private final List<byte[]> printed;
  private final int historyLines;
  private final Instant opened;
  private final List<byte[]> held = new ArrayList<>();
  private boolean joined;
  private boolean gap;
  private int best = -1;
  private int bestLength;

  /**
   * @param printed the last lines printed, oldest first; empty for a stream that joins nothing
   * @param historyLines how many recent lines the stream was asked to send first
   * @param opened when the stream opened
   */
  Rejoin(List<byte[]> printed, int historyLines, Instant opened) {
    this.printed = List.copyOf(printed);
    this.historyLines = historyLines;
    this.opened = opened;
    this.joined = printed.isEmpty();
  }

  /** The next complete line of the stream, arrived at {@code now}; answers the lines to print. */
  List<byte[]> offer(byte[] line, Instant now) {
    if (joined) {
      return List.of(line);
    }
    held.add(line);
    int at = held.size() - 1;
    int length = matchEndingAt(at);
    if (length == printed.size()) {
      return joinAfter(at);
    }
    if (length > 0 && length >= bestLength) {
      best = at;
      bestLength = length;
    }
    if (held.size() >= historyLines || !now.isBefore(opened.plus(HISTORY_TIME))) {
      return joinAfter(best);
    }
    return List.of();
  }

  /** The stream ended cleanly, so its whole history has arrived; answers the lines to print. */
  List<byte[]> end() {
    return joined ? List.of() : joinAfter(best);
  }

  /** Whether the join point is known; until then lines are held back. */
  boolean joined() {
    return joined;
  }

  /** Whether none of the printed lines were found: lines between the two streams may be missing. */
  boolean gap() {
    return gap;
  }

  /** How many of the printed lines, counted back from the last, end at held line {@code at}. */
  private int matchEndingAt(int at) {
    int length = 0;
    while (length < printed.size()
        && length <= at
        && Arrays.equals(held.get(at - length), printed.get(printed.size() - 1 - length))) {
      length++;
    }
    return length;
  }

  private List<byte[]> joinAfter(int at) {
    joined = true;
    gap = at < 0;
    List<byte[]> rest = List.copyOf(held.subList(at + 1, held.size()));
    held.clear();
    return rest;
  }
}
