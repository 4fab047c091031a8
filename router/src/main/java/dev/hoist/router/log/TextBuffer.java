package dev.hoist.router.log;

import java.time.Instant;
import java.util.Arrays;

/**
 * One growing byte array that {@link LogBatch} writes its lines into. Text is encoded as UTF-8
 * exactly as {@code String.getBytes(UTF_8)} would (a surrogate without its pair becomes {@code ?}),
 * except that control characters (below U+0020, and U+007F) become {@code ?} too: the body is one
 * log line per text line, so nothing in a line may end it. A text has a budget of bytes and is cut
 * at the last whole character that fits. A {@link RouterLogLine} writes its text in here directly,
 * so no String is made per line. Used by one thread at a time.
 */
final class TextBuffer implements RouterLogLine.Out {
  private final LogTime times = new LogTime();
  private final char[] digits = new char[19];
  private byte[] buf = new byte[64 * 1024];
  private int size;
  private int left; // bytes the current text may still take; 0 also once a character did not fit
  private char
      high; // a high surrogate waiting for its low half, or 0; its bytes are not yet counted

  void clear() {
    size = 0;
  }

  byte[] bytes() {
    return buf;
  }

  int size() {
    return size;
  }

  /** Appends bytes already encoded (by another buffer). */
  void append(byte[] bytes, int from, int length) {
    ensure(length);
    System.arraycopy(bytes, from, buf, size, length);
    size += length;
  }

  /** Removes the first {@code n} bytes. */
  void dropFirst(int n) {
    System.arraycopy(buf, n, buf, 0, size - n);
    size -= n;
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

  /** Starts a text whose UTF-8 takes at most {@code maxBytes}. */
  void startText(int maxBytes) {
    left = maxBytes;
  }

  /** Ends the text: a high surrogate left alone becomes {@code ?}. */
  void endText() {
    if (high == 0) return;
    high = 0;
    one('?'); // fits: a high surrogate is only held while at least one byte is left
  }

  @Override
  public void put(char c) {
    if (left == 0) return;
    ensure(4);
    if (high != 0) {
      char h = high;
      high = 0;
      if (Character.isLowSurrogate(c)) {
        if (!fits(4)) return;
        int cp = Character.toCodePoint(h, c);
        buf[size++] = (byte) (0xF0 | cp >> 18);
        buf[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
        buf[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
        buf[size++] = (byte) (0x80 | cp & 0x3F);
        return;
      }
      one('?');
      if (left == 0) return;
    }
    if (c < 0x80) {
      one(c < 0x20 || c == 0x7f ? '?' : c);
    } else if (c < 0x800) {
      if (!fits(2)) return;
      buf[size++] = (byte) (0xC0 | c >> 6);
      buf[size++] = (byte) (0x80 | c & 0x3F);
    } else if (Character.isHighSurrogate(c)) {
      high = c; // one byte or four: the next character tells
    } else if (Character.isLowSurrogate(c)) {
      one('?');
    } else if (fits(3)) {
      buf[size++] = (byte) (0xE0 | c >> 12);
      buf[size++] = (byte) (0x80 | c >> 6 & 0x3F);
      buf[size++] = (byte) (0x80 | c & 0x3F);
    }
  }

  /**
   * Plain ASCII, most of any line, is copied in a tight loop; the rest goes one character at a
   * time.
   */
  @Override
  public void put(String s, int from, int to) {
    ensure(4 * (to - from)); // all that the slow path may take, so the fast one needs no checks
    int i = from;
    while (i < to && left > 0) {
      if (high == 0) {
        int end = to - i <= left ? to : i + left; // a byte per character here
        byte[] b = buf;
        int n = size;
        for (char c; i < end && (c = s.charAt(i)) >= 0x20 && c < 0x7f; i++) b[n++] = (byte) c;
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

  /** Writes a one-byte character; the caller knows a byte is left. */
  private void one(char c) {
    left--;
    buf[size++] = (byte) c;
  }

  /**
   * Takes {@code bytes} from the budget, or ends the text if they do not fit, so it is cut there.
   */
  private boolean fits(int bytes) {
    if (left < bytes) {
      left = 0;
      return false;
    }
    left -= bytes;
    return true;
  }

  private void ensure(int more) {
    if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
  }
}
