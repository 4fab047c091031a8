package dev.hoist.router.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * One growing byte array that {@link LogBatch} writes its JSON into: ASCII as it is, and text as the
 * body of a JSON string. Text is escaped ({@code "} and {@code \} with a backslash, control characters
 * as <code>&#92;u00XX</code>) and encoded as UTF-8 exactly as {@code String.getBytes(UTF_8)} would, so a
 * surrogate without its pair becomes {@code ?}. A {@link RouterLogLine} writes its text in here
 * directly, so no String is made per line. Used by one thread.
 */
final class JsonBuffer implements RouterLogLine.Out {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final LogTime times = new LogTime();
  private final char[] digits = new char[19];
  private byte[] buf = new byte[256 * 1024];
  private int size;
  private int left; // characters the current text may still take
  private char high; // a high surrogate waiting for its low half, or 0

  void clear() {
    size = 0;
  }

  byte[] bytes() {
    return buf;
  }

  int size() {
    return size;
  }

  void ascii(byte[] ascii) {
    ensure(ascii.length);
    System.arraycopy(ascii, 0, buf, size, ascii.length);
    size += ascii.length;
  }

  void ascii(char c) {
    ensure(1);
    buf[size++] = (byte) c;
  }

  /** {@code time} as the api takes it (see {@link LogTime}). */
  void time(Instant time) {
    ensure(LogTime.LENGTH);
    size = times.write(time, buf, size);
  }

  /** Starts a text of which the first {@code limit} characters are kept. */
  void startText(int limit) {
    left = limit;
  }

  /** Ends the text: a high surrogate left alone, by the text or by the limit, becomes {@code ?}. */
  void endText() {
    if (high == 0) return;
    high = 0;
    ascii('?');
  }

  @Override
  public void put(char c) {
    if (left == 0) return;
    left--;
    ensure(7); // a pending '?' and a six-byte escape
    if (high != 0) {
      char h = high;
      high = 0;
      if (Character.isLowSurrogate(c)) {
        int cp = Character.toCodePoint(h, c);
        buf[size++] = (byte) (0xF0 | cp >> 18);
        buf[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
        buf[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
        buf[size++] = (byte) (0x80 | cp & 0x3F);
        return;
      }
      buf[size++] = '?';
    }
    if (c == '"' || c == '\\') {
      buf[size++] = '\\';
      buf[size++] = (byte) c;
    } else if (c < 0x20) {
      buf[size++] = '\\';
      buf[size++] = 'u';
      buf[size++] = '0';
      buf[size++] = '0';
      buf[size++] = HEX[c >> 4];
      buf[size++] = HEX[c & 0xF];
    } else if (c < 0x80) {
      buf[size++] = (byte) c;
    } else if (c < 0x800) {
      buf[size++] = (byte) (0xC0 | c >> 6);
      buf[size++] = (byte) (0x80 | c & 0x3F);
    } else if (Character.isHighSurrogate(c)) {
      high = c;
    } else if (Character.isLowSurrogate(c)) {
      buf[size++] = '?';
    } else {
      buf[size++] = (byte) (0xE0 | c >> 12);
      buf[size++] = (byte) (0x80 | c >> 6 & 0x3F);
      buf[size++] = (byte) (0x80 | c & 0x3F);
    }
  }

  /** Plain ASCII, most of any line, is copied in a tight loop; the rest goes one character at a time. */
  @Override
  public void put(String s, int from, int to) {
    ensure(7 * (to - from)); // all that the slow path may take, so the fast one needs no checks
    int i = from;
    while (i < to) {
      if (high == 0) {
        int end = to - i <= left ? to : i + left;
        byte[] b = buf;
        int n = size;
        for (char c; i < end && (c = s.charAt(i)) >= 0x20 && c < 0x80 && c != '"' && c != '\\'; i++) {
          b[n++] = (byte) c;
        }
        left -= n - size;
        size = n;
      }
      if (i < to) put(s.charAt(i++));
    }
  }

  /** Digits straight into the buffer, where the default would make a String of them. */
  @Override
  public void put(long n) {
    if (n < 0) { // a router line has none; the default is exact for them anyway
      RouterLogLine.Out.super.put(n);
      return;
    }
    int first = digits.length;
    do {
      digits[--first] = (char) ('0' + n % 10);
      n /= 10;
    } while (n > 0);
    for (int i = first; i < digits.length; i++) put(digits[i]);
  }

  private void ensure(int more) {
    if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
  }
}
