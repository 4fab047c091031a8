package dev.hoist.dynos.logs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a byte stream into log messages: one per line (without its {@code \n} or {@code \r\n}), and
 * lines longer than {@link #MAX_BYTES} cut into pieces of at most that many bytes, never inside a
 * UTF-8 character. Not thread-safe: one per output stream.
 */
public final class LineSplitter {
  public static final int MAX_BYTES = 10_000;

  private final byte[] buf = new byte[MAX_BYTES];
  private int len;

  /** The messages completed by these bytes. */
  public List<String> feed(byte[] bytes, int offset, int length) {
    List<String> out = new ArrayList<>();
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        out.add(take(len, true));
      } else {
        if (len == MAX_BYTES) out.add(take(boundary(), false));
        buf[len++] = b;
      }
    }
    return out;
  }

  /** What is left once the stream ended: the last line when it had no line break. */
  public List<String> flush() {
    return len == 0 ? List.of() : List.of(take(len, true));
  }

  /** The longest prefix of the buffer that ends on a character boundary. */
  private int boundary() {
    int cut = len;
    // step back over continuation bytes (10xxxxxx) to the start of the last character, then before
    // it
    while (cut > 0 && (buf[cut - 1] & 0xC0) == 0x80) cut--;
    if (cut > 0 && (buf[cut - 1] & 0x80) != 0) {
      int lead = buf[cut - 1] & 0xFF;
      int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
      if (len - (cut - 1) < need)
        return cut - 1; // the last character is incomplete: keep it for the next piece
    }
    return len;
  }

  private String take(int n, boolean lineEnd) {
    int end = n;
    if (lineEnd && end > 0 && buf[end - 1] == '\r') end--;
    String s = new String(buf, 0, end, StandardCharsets.UTF_8);
    System.arraycopy(buf, n, buf, 0, len - n);
    len -= n;
    return s;
  }
}
