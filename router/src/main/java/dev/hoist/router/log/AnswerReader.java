package dev.hoist.router.log;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.x answer to its end, so that its connection can carry the next post: the status,
 * whether the connection may be kept, and the body skipped, framed by Content-Length or chunked (or
 * running until close, which ends the connection). Interim 1xx answers are passed over. Used by the
 * sender thread only.
 */
final class AnswerReader {
  private static final int MAX_LINE = 16 * 1024;

  private final byte[] buf = new byte[MAX_LINE];
  private int start; // buf[start, end) is read from the socket and not yet used
  private int end;
  private InputStream in;
  private boolean started;
  private boolean keepAlive;
  private long length;
  private boolean chunked;

  /** Called before a request is sent: nothing of its answer has arrived yet. */
  void expect() {
    started = false;
  }

  /** Reads the whole answer from {@code in} and returns its status. */
  int read(InputStream in) throws IOException {
    this.in = in;
    start = end = 0;
    int status;
    do {
      status = head();
    } while (status >= 100 && status < 200);
    if (status == 204 || status == 304) return status;
    if (chunked) chunks();
    else if (length >= 0) skip(length);
    else keepAlive = false; // the body runs until the api closes: nothing else can follow it
    return status;
  }

  /**
   * Whether any byte of an answer arrived since {@link #expect}, even if reading it then failed.
   */
  boolean started() {
    return started;
  }

  /** Whether the connection can carry another request after the last answer. */
  boolean keepAlive() {
    return keepAlive;
  }

  private int head() throws IOException {
    String line = line();
    if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
      throw new IOException("not an HTTP answer: " + cut(line));
    }
    int status = number(line.substring(9, 12), 10, line);
    keepAlive = line.charAt(7) != '0'; // HTTP/1.0 closes unless it says otherwise
    length = -1;
    chunked = false;
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      if (colon <= 0) throw new IOException("not an HTTP header: " + cut(h));
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> length = number(value, 10, h);
        case "transfer-encoding" -> chunked = value.endsWith("chunked");
        case "connection" -> {
          for (String token : value.split(",")) {
            if (token.trim().equals("close")) keepAlive = false;
            else if (token.trim().equals("keep-alive")) keepAlive = true;
          }
        }
        default -> {} // nothing else matters to a client that only wants the status
      }
    }
    return status;
  }

  private void chunks() throws IOException {
    while (true) {
      String line = line();
      int semicolon = line.indexOf(';'); // chunk extensions are allowed, and ignored
      long size = number((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16, line);
      if (size == 0) break;
      skip(size);
      if (!line().isEmpty()) throw new IOException("a chunk longer than its size");
    }
    while (!line().isEmpty()) {
      // trailers: not needed
    }
  }

  /** The next line, without its CRLF (a bare LF is taken too), as ISO-8859-1. */
  private String line() throws IOException {
    int searched = start;
    while (true) {
      for (int i = searched; i < end; i++) {
        if (buf[i] == '\n') {
          int stop = i > start && buf[i - 1] == '\r' ? i - 1 : i;
          String text = new String(buf, start, stop - start, StandardCharsets.ISO_8859_1);
          start = i + 1;
          return text;
        }
      }
      int done = end - start; // fill() moves the unused bytes to the front
      fill();
      searched = start + done;
    }
  }

  private void skip(long bytes) throws IOException {
    while (bytes > 0) {
      if (start == end) fill();
      int take = (int) Math.min(bytes, end - start);
      start += take;
      bytes -= take;
    }
  }

  /**
   * Reads more behind the unused bytes, moved to the front first; the api closing now is an error.
   */
  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buf.length) throw new IOException("an answer line over " + MAX_LINE + " bytes");
    int n = in.read(buf, end, buf.length - end);
    if (n < 0)
      throw new EOFException(
          started
              ? "the api closed the connection mid-answer"
              : "the api closed the connection without an answer");
    started = true;
    end += n;
  }

  private static int number(String digits, int radix, String line) throws IOException {
    try {
      long n = Long.parseLong(digits, radix);
      if (n < 0 || n > Integer.MAX_VALUE) throw new NumberFormatException();
      return (int) n;
    } catch (NumberFormatException e) {
      throw new IOException("not a number in the api's answer: " + cut(line));
    }
  }

  private static String cut(String line) {
    return line.length() > 80 ? line.substring(0, 80) + "…" : line;
  }
}
