package dev.hoist.router.log;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A batch of router lines as the api's {@code POST /internal/logs} body:
 * {@code [{"app":…,"source":"hoist","dyno":"router","time":…,"message":…}, …]}.
 *
 * <p>Written by hand into one reused array ({@link JsonBuffer}): at tens of thousands of requests a
 * second this encoding is most of the log sender's work, and a general JSON generator spent it on
 * per-character dispatch. Messages are cut at {@value #MAX_MESSAGE_CHARS} characters. Used by the
 * sender thread alone.
 */
final class LogBatch {
  /** One line waiting to be sent. */
  record Line(String app, RouterLogLine line) {}

  static final int MAX_MESSAGE_CHARS = 10_000;

  private static final byte[] APP = ascii("{\"app\":\"");
  private static final byte[] SOURCE_AND_DYNO = ascii("\",\"source\":\"hoist\",\"dyno\":\"router\",\"time\":\"");
  private static final byte[] MESSAGE = ascii("\",\"message\":\"");
  private static final byte[] END = ascii("\"}");

  private final JsonBuffer out = new JsonBuffer();

  /** Encodes the batch; the result is valid until the next call. */
  byte[] encode(List<Line> batch) {
    out.clear();
    out.ascii('[');
    for (int i = 0; i < batch.size(); i++) {
      Line l = batch.get(i);
      if (i > 0) out.ascii(',');
      out.ascii(APP);
      out.startText(Integer.MAX_VALUE);
      out.put(l.app());
      out.endText();
      out.ascii(SOURCE_AND_DYNO);
      out.time(l.line().time());
      out.ascii(MESSAGE);
      out.startText(MAX_MESSAGE_CHARS);
      l.line().writeTo(out);
      out.endText();
      out.ascii(END);
    }
    out.ascii(']');
    return out.bytes();
  }

  int size() {
    return out.size();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
