package dev.hoist.router.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A batch of router lines as the api's {@code POST /internal/logs} body:
 * {@code [{"app":…,"source":"hoist","dyno":"router","time":…,"message":…}, …]}.
 *
 * <p>Written by hand into one reused array: at tens of thousands of requests a second this encoding is
 * most of the log sender's work, and a general JSON generator spent it on per-character dispatch. Text
 * is taken as UTF-8 bytes and escaped byte by byte, which is safe because every byte of a multi-byte
 * UTF-8 sequence is 0x80 or above and needs no escape. Used by the sender thread alone.
 */
final class LogBatch {
  /** One line waiting to be sent. */
  record Line(String app, Instant time, String message) {}

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SOURCE_AND_DYNO = "\",\"source\":\"hoist\",\"dyno\":\"router\",\"time\":\""
      .getBytes(StandardCharsets.US_ASCII);

  private final LogTime times = new LogTime();
  private byte[] buf = new byte[256 * 1024];
  private int size;

  /** Encodes the batch; the result is valid until the next call. */
  byte[] encode(List<Line> batch) {
    size = 0;
    put('[');
    for (int i = 0; i < batch.size(); i++) {
      Line l = batch.get(i);
      if (i > 0) put(',');
      put("{\"app\":\"");
      text(l.app());
      put(SOURCE_AND_DYNO);
      put(times.format(l.time()));
      put("\",\"message\":\"");
      text(l.message());
      put("\"}");
    }
    put(']');
    return buf;
  }

  int size() {
    return size;
  }

  /** Copies runs of plain bytes whole and escapes what lies between them. */
  private void text(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    ensure(bytes.length * 6);
    int run = 0;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b != '"' && b != '\\' && (b < 0 || b >= 0x20)) continue;
      System.arraycopy(bytes, run, buf, size, i - run);
      size += i - run;
      run = i + 1;
      buf[size++] = '\\';
      if (b == '"' || b == '\\') {
        buf[size++] = b;
      } else {
        buf[size++] = 'u';
        buf[size++] = '0';
        buf[size++] = '0';
        buf[size++] = HEX[b >> 4];
        buf[size++] = HEX[b & 0xF];
      }
    }
    System.arraycopy(bytes, run, buf, size, bytes.length - run);
    size += bytes.length - run;
  }

  private void put(String ascii) {
    ensure(ascii.length());
    for (int i = 0; i < ascii.length(); i++) buf[size++] = (byte) ascii.charAt(i);
  }

  private void put(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  private void put(char c) {
    ensure(1);
    buf[size++] = (byte) c;
  }

  private void ensure(int more) {
    if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
  }
}
