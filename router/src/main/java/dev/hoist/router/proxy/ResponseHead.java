package dev.hoist.router.proxy;

import java.util.Arrays;

/**
 * A dyno's response head, parsed in place: the bytes as received plus where each header line's name
 * and value lie, and the facts the router acts on (status, framing, keep-alive, upgrade). Nothing
 * is copied into strings or a header map: {@link ForwardedHeaders#toClient} writes the client's
 * head straight from these ranges, which is what lets a response cross the router without being
 * decoded into objects and encoded again. One instance per dyno connection, refilled for each
 * response.
 *
 * <p>Refused (→ {@link #parse} returns false, the router answers 502 H-less "Bad Gateway"): a
 * status line that is not {@code HTTP/1.x NNN}, a header line without a colon or with an invalid
 * name, whitespace before the colon, a folded line, control characters in a value, and
 * Content-Length values that are not digits or disagree with each other. These are the ways a
 * response can be read two ways (RFC 9112 §5, §6.3).
 */
final class ResponseHead {
  private static final int MAX_LINES = 256;
  private static final boolean[] TOKEN = new boolean[128];

  static {
    for (char c = '0'; c <= '9'; c++) TOKEN[c] = true;
    for (char c = 'a'; c <= 'z'; c++) TOKEN[c] = true;
    for (char c = 'A'; c <= 'Z'; c++) TOKEN[c] = true;
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) TOKEN[c] = true;
  }

  byte[] bytes = new byte[1024];
  int length;
  int status;

  /**
   * Where the status code starts and the reason phrase ends: "200 OK" is copied to the client
   * whole.
   */
  int statusStart;

  int statusEnd;
  boolean http10;
  int lines;
  int[] nameStart = new int[16];
  int[] nameEnd = new int[16];
  int[] valueStart = new int[16];
  int[] valueEnd = new int[16];

  /** Per line: one of {@link HeaderNames}' kinds; hop-by-hop lines are not copied on. */
  int[] kind = new int[16];

  long contentLength;
  boolean chunked;
  boolean transferEncoding;
  boolean connectionClose;
  boolean connectionKeepAlive;
  int upgradeLine;

  /**
   * Pointed at each name or value in turn to compare it: reused, so reading a head allocates
   * nothing.
   */
  private final HeaderNames.Slice view = new HeaderNames.Slice();

  /**
   * Set by the decoder: the body runs until the dyno closes, so the connection cannot be reused.
   */
  boolean untilClose;

  /** Makes room for a head of {@code n} bytes, to be copied into {@link #bytes}. */
  byte[] buffer(int n) {
    if (bytes.length < n) bytes = new byte[Math.max(n, bytes.length * 2)];
    length = n;
    return bytes;
  }

  /**
   * Parses {@code bytes[0, length)}, which ends with the empty line. False when it must be refused.
   */
  boolean parse() {
    lines = 0;
    contentLength = -1;
    chunked = transferEncoding = connectionClose = connectionKeepAlive = false;
    upgradeLine = -1;
    byte[] b = bytes;
    int end = lineEnd(0);
    if (!statusLine(b, end)) return false;
    int at = next(end);
    boolean namesOthers = false;
    while (true) {
      int lineEnd = lineEnd(at);
      if (lineEnd == at) { // the empty line
        if (namesOthers) HeaderNames.markNamedByConnection(this);
        return true;
      }
      if (b[at] == ' ' || b[at] == '\t' || lines == MAX_LINES)
        return false; // a folded line, or too many
      if (!header(b, at, lineEnd)) return false;
      switch (kind[lines - 1]) {
        case HeaderNames.CONTENT_LENGTH -> {
          long n = digits(b, valueStart[lines - 1], valueEnd[lines - 1]);
          if (n < 0 || (contentLength >= 0 && contentLength != n)) return false;
          contentLength = n;
        }
        case HeaderNames.TRANSFER_ENCODING -> {
          transferEncoding = true; // the last coding decides: chunked, or the body runs until close
          chunked =
              HeaderNames.lastTokenIs(
                  view.set(b, valueStart[lines - 1], valueEnd[lines - 1]), "chunked");
        }
        case HeaderNames.CONNECTION -> {
          int vs = valueStart[lines - 1];
          int ve = valueEnd[lines - 1];
          HeaderNames.Slice value = view.set(b, vs, ve);
          boolean close = HeaderNames.hasToken(value, "close");
          boolean keepAlive = HeaderNames.hasToken(value, "keep-alive");
          connectionClose |= close;
          connectionKeepAlive |= keepAlive;
          // Other names in it make those headers hop-by-hop; the usual single token names none
          // worth a look.
          namesOthers |=
              !(close || keepAlive || HeaderNames.hasToken(value, "upgrade")) || isList(vs, ve);
        }
        case HeaderNames.UPGRADE -> upgradeLine = lines - 1;
        default -> {}
      }
      at = next(lineEnd);
    }
  }

  /** Whether the dyno will keep this connection open after the response. */
  boolean keepAlive() {
    return http10 ? connectionKeepAlive && !connectionClose : !connectionClose;
  }

  boolean hasContentLength() {
    return contentLength >= 0 && !transferEncoding;
  }

  private boolean statusLine(byte[] b, int end) {
    // HTTP/1.x SP 3DIGIT [SP reason]
    if (end < 12
        || b[0] != 'H'
        || b[1] != 'T'
        || b[2] != 'T'
        || b[3] != 'P'
        || b[4] != '/'
        || b[5] != '1'
        || b[6] != '.'
        || (b[7] != '0' && b[7] != '1')
        || b[8] != ' ') {
      return false;
    }
    http10 = b[7] == '0';
    int s = 0;
    for (int i = 9; i < 12; i++) {
      if (b[i] < '0' || b[i] > '9') return false;
      s = s * 10 + (b[i] - '0');
    }
    if (end > 12 && b[12] != ' ') return false;
    for (int i = 13; i < end; i++) {
      if (b[i] < 0x20 && b[i] != '\t' || b[i] == 0x7f) return false;
    }
    status = s;
    statusStart = 9;
    statusEnd = end;
    return true;
  }

  private boolean header(byte[] b, int start, int end) {
    int colon = start;
    while (colon < end && b[colon] != ':') {
      int c = b[colon];
      if (c < 0 || !TOKEN[c]) return false; // also whitespace before the colon
      colon++;
    }
    if (colon == end || colon == start) return false;
    int vs = colon + 1;
    while (vs < end && (b[vs] == ' ' || b[vs] == '\t')) vs++;
    int ve = end;
    while (ve > vs && (b[ve - 1] == ' ' || b[ve - 1] == '\t')) ve--;
    for (int i = vs; i < ve; i++) {
      if (b[i] >= 0 && b[i] < 0x20 && b[i] != '\t' || b[i] == 0x7f) return false;
    }
    if (lines == kind.length) grow();
    nameStart[lines] = start;
    nameEnd[lines] = colon;
    valueStart[lines] = vs;
    valueEnd[lines] = ve;
    kind[lines] = HeaderNames.kind(view.set(b, start, colon));
    lines++;
    return true;
  }

  /**
   * The end of the line starting at {@code at}, without its CR LF (or bare LF). The head ends with
   * an empty line, so a line feed always comes before the end of {@link #bytes}.
   */
  private int lineEnd(int at) {
    byte[] b = bytes;
    int i = at;
    while (b[i] != '\n') i++;
    return i > at && b[i - 1] == '\r' ? i - 1 : i;
  }

  /** Whether the value {@code [start, end)} is a list, whose other elements may name headers. */
  private boolean isList(int start, int end) {
    for (int i = start; i < end; i++) {
      if (bytes[i] == ',') return true;
    }
    return false;
  }

  /** The start of the line after the one ending at {@code lineEnd}. */
  private int next(int lineEnd) {
    return bytes[lineEnd] == '\r' ? lineEnd + 2 : lineEnd + 1;
  }

  /**
   * A decimal count, or -1 when the value is not one (empty, signs, lists, more than 18 digits).
   */
  private static long digits(byte[] b, int start, int end) {
    if (start == end || end - start > 18) return -1;
    long n = 0;
    for (int i = start; i < end; i++) {
      if (b[i] < '0' || b[i] > '9') return -1;
      n = n * 10 + (b[i] - '0');
    }
    return n;
  }

  private void grow() {
    int n = kind.length * 2;
    nameStart = Arrays.copyOf(nameStart, n);
    nameEnd = Arrays.copyOf(nameEnd, n);
    valueStart = Arrays.copyOf(valueStart, n);
    valueEnd = Arrays.copyOf(valueEnd, n);
    kind = Arrays.copyOf(kind, n);
  }
}
