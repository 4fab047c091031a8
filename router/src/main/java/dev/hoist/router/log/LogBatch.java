package dev.hoist.router.log;

import java.util.Arrays;

/**
 * Router lines in the text form of the api's {@code POST /internal/logs}: the query {@value
 * #QUERY}, and one line per log line, {@code APP TIME MESSAGE} and LF.
 *
 * <p>Written by hand into one reused array ({@link TextBuffer}): at tens of thousands of requests a
 * second this encoding is most of the logging work. The text form rather than the JSON one because
 * the JSON's names and quotes were a third of every line, to write here and to parse at the api.
 * Messages are cut at {@value #MAX_MESSAGE_BYTES} bytes of UTF-8, the api's limit. It remembers
 * where each line ends, so that a post can take the first lines of a batch and leave the rest. Used
 * by one thread at a time.
 */
final class LogBatch {
  /** Source and dyno, said once for the whole batch. */
  static final String QUERY = "source=hoist&dyno=router";

  static final String MEDIA_TYPE = "text/plain; charset=utf-8";
  static final int MAX_MESSAGE_BYTES = 10_000;

  private final TextBuffer out = new TextBuffer();
  private int[] ends = new int[512]; // ends[i]: the byte after line i's LF
  private int lines;

  /** Appends one line. */
  void add(String app, RouterLogLine line) {
    out.startText(Integer.MAX_VALUE); // app names have no spaces (the api's naming rule)
    out.put(app);
    out.endText();
    out.ascii(' ');
    out.time(line.time());
    out.ascii(' ');
    out.startText(MAX_MESSAGE_BYTES);
    line.writeTo(out);
    out.endText();
    out.ascii('\n');
    lineEnded(out.size());
  }

  int lines() {
    return lines;
  }

  /** The text; valid until the next change, for {@link #size} bytes. */
  byte[] bytes() {
    return out.bytes();
  }

  int size() {
    return out.size();
  }

  /** Bytes taken by the first {@code n} lines. */
  int sizeOf(int n) {
    return n == 0 ? 0 : ends[n - 1];
  }

  void clear() {
    out.clear();
    lines = 0;
  }

  /** Appends all of {@code other}'s lines, in order, and empties it. */
  void takeAll(LogBatch other) {
    int base = out.size();
    out.append(other.bytes(), 0, other.size());
    for (int i = 0; i < other.lines; i++) lineEnded(base + other.ends[i]);
    other.clear();
  }

  /** Forgets the first {@code n} lines (those just sent); the rest move to the front. */
  void dropFirst(int n) {
    int cut = sizeOf(n);
    out.dropFirst(cut);
    lines -= n;
    for (int i = 0; i < lines; i++) ends[i] = ends[i + n] - cut;
  }

  private void lineEnded(int end) {
    if (lines == ends.length) ends = Arrays.copyOf(ends, lines * 2);
    ends[lines++] = end;
  }
}
