package dev.hoist.router.log;

import java.util.List;

/**
 * A batch of router lines in the text form of the api's {@code POST /internal/logs}: the query
 * {@value #QUERY}, and one line per log line, {@code APP TIME MESSAGE} and LF.
 *
 * <p>Written by hand into one reused array ({@link TextBuffer}): at tens of thousands of requests a
 * second this encoding is most of the log sender's work. The text form rather than the JSON one because
 * the JSON's names and quotes were a third of every line, to write here and to parse at the api. Messages
 * are cut at {@value #MAX_MESSAGE_BYTES} bytes of UTF-8, the api's limit. Used by the sender thread alone.
 */
final class LogBatch {
  /** One line waiting to be sent. */
  record Line(String app, RouterLogLine line) {}

  /** Source and dyno, said once for the whole batch. */
  static final String QUERY = "source=hoist&dyno=router";
  static final String MEDIA_TYPE = "text/plain; charset=utf-8";
  static final int MAX_MESSAGE_BYTES = 10_000;

  private final TextBuffer out = new TextBuffer();

  /** Encodes the batch; the result is valid until the next call, for {@link #size} bytes. */
  byte[] encode(List<Line> batch) {
    out.clear();
    for (int i = 0; i < batch.size(); i++) {
      Line l = batch.get(i);
      out.startText(Integer.MAX_VALUE); // app names have no spaces (the api's naming rule)
      out.put(l.app());
      out.endText();
      out.ascii(' ');
      out.time(l.line().time());
      out.ascii(' ');
      out.startText(MAX_MESSAGE_BYTES);
      l.line().writeTo(out);
      out.endText();
      out.ascii('\n');
    }
    return out.bytes();
  }

  int size() {
    return out.size();
  }
}
