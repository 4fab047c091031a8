package dev.hoist.router.proxy;

/**
 * The header names the router acts on, recognised without allocating: by length first, then
 * compared case-insensitively. Works on any {@link CharSequence}; bytes of a response head are read
 * through a {@link Slice} its {@link ResponseHead} keeps and points anew at each name or value.
 */
final class HeaderNames {
  static final int OTHER = 0;
  static final int CONTENT_LENGTH = 1;
  static final int TRANSFER_ENCODING = 2;
  static final int CONNECTION = 3;
  static final int KEEP_ALIVE = 4;
  static final int PROXY_CONNECTION = 5;
  static final int TE = 6;
  static final int TRAILER = 7;
  static final int UPGRADE = 8;
  static final int PROXY_AUTHENTICATE = 9;
  static final int PROXY_AUTHORIZATION = 10;
  static final int VIA = 11;
  static final int HOST = 12;
  static final int X_REQUEST_ID = 13;
  static final int X_FORWARDED_FOR = 14;
  static final int X_FORWARDED_PROTO = 15;
  static final int X_FORWARDED_PORT = 16;
  static final int X_REQUEST_START = 17;

  /** A header the message's own Connection header names: hop-by-hop for this message only. */
  static final int NAMED_BY_CONNECTION = 18;

  private HeaderNames() {}

  /** RFC 9110 §7.6.1: these describe one connection and never travel past it. */
  static boolean hopByHop(int kind) {
    return kind >= TRANSFER_ENCODING && kind <= PROXY_AUTHORIZATION || kind == NAMED_BY_CONNECTION;
  }

  static int kind(CharSequence n) {
    return switch (n.length()) {
      case 2 -> is(n, "te") ? TE : OTHER;
      case 3 -> is(n, "via") ? VIA : OTHER;
      case 4 -> is(n, "host") ? HOST : OTHER;
      case 7 -> is(n, "upgrade") ? UPGRADE : is(n, "trailer") ? TRAILER : OTHER;
      case 10 -> is(n, "connection") ? CONNECTION : is(n, "keep-alive") ? KEEP_ALIVE : OTHER;
      case 12 -> is(n, "x-request-id") ? X_REQUEST_ID : OTHER;
      case 14 -> is(n, "content-length") ? CONTENT_LENGTH : OTHER;
      case 15 ->
          is(n, "x-forwarded-for")
              ? X_FORWARDED_FOR
              : is(n, "x-request-start") ? X_REQUEST_START : OTHER;
      case 16 ->
          is(n, "proxy-connection")
              ? PROXY_CONNECTION
              : is(n, "x-forwarded-port") ? X_FORWARDED_PORT : OTHER;
      case 17 ->
          is(n, "transfer-encoding")
              ? TRANSFER_ENCODING
              : is(n, "x-forwarded-proto") ? X_FORWARDED_PROTO : OTHER;
      case 18 -> is(n, "proxy-authenticate") ? PROXY_AUTHENTICATE : OTHER;
      case 19 -> is(n, "proxy-authorization") ? PROXY_AUTHORIZATION : OTHER;
      default -> OTHER;
    };
  }

  /** {@code n} equals {@code lower} ignoring ASCII case; {@code lower} is lower-case. */
  static boolean is(CharSequence n, String lower) {
    if (n.length() != lower.length()) return false;
    for (int i = 0; i < lower.length(); i++) {
      char c = n.charAt(i);
      if (c >= 'A' && c <= 'Z') c += 32;
      if (c != lower.charAt(i)) return false;
    }
    return true;
  }

  /** Whether the comma-separated list {@code value} has {@code token}, ignoring case and spaces. */
  static boolean hasToken(CharSequence value, String token) {
    int start = 0;
    while (start <= value.length()) {
      int end = comma(value, start);
      if (tokenIs(value, start, end, token)) return true;
      start = end + 1;
    }
    return false;
  }

  /** Whether the last element of the comma-separated list {@code value} is {@code token}. */
  static boolean lastTokenIs(CharSequence value, String token) {
    int start = value.length();
    while (start > 0 && value.charAt(start - 1) != ',') start--;
    return tokenIs(value, start, value.length(), token);
  }

  /**
   * Marks the header lines a response's Connection header names ({@code Connection: close, X-Hop}
   * makes X-Hop hop-by-hop). Content-Length is never dropped this way: the body's framing rests on
   * it.
   */
  static void markNamedByConnection(ResponseHead h) {
    Slice value = new Slice();
    Slice name = new Slice();
    for (int i = 0; i < h.lines; i++) {
      if (h.kind[i] != CONNECTION) continue;
      value.set(h.bytes, h.valueStart[i], h.valueEnd[i]);
      int start = 0;
      while (start <= value.length()) {
        int end = comma(value, start);
        int s = trimStart(value, start, end);
        int e = trimEnd(value, s, end);
        for (int j = 0; j < h.lines; j++) {
          if (h.kind[j] == CONTENT_LENGTH || hopByHop(h.kind[j])) continue;
          name.set(h.bytes, h.nameStart[j], h.nameEnd[j]);
          if (e - s == name.length() && regionEqualsIgnoreCase(value, s, name))
            h.kind[j] = NAMED_BY_CONNECTION;
        }
        start = end + 1;
      }
    }
  }

  private static boolean tokenIs(CharSequence v, int start, int end, String token) {
    int s = trimStart(v, start, end);
    int e = trimEnd(v, s, end);
    if (e - s != token.length()) return false;
    for (int i = 0; i < token.length(); i++) {
      char c = v.charAt(s + i);
      if (c >= 'A' && c <= 'Z') c += 32;
      if (c != token.charAt(i)) return false;
    }
    return true;
  }

  private static boolean regionEqualsIgnoreCase(CharSequence v, int at, CharSequence other) {
    for (int i = 0; i < other.length(); i++) {
      char a = v.charAt(at + i);
      char b = other.charAt(i);
      if (a >= 'A' && a <= 'Z') a += 32;
      if (b >= 'A' && b <= 'Z') b += 32;
      if (a != b) return false;
    }
    return true;
  }

  private static int comma(CharSequence v, int from) {
    int i = from;
    while (i < v.length() && v.charAt(i) != ',') i++;
    return i;
  }

  private static int trimStart(CharSequence v, int start, int end) {
    while (start < end && (v.charAt(start) == ' ' || v.charAt(start) == '\t')) start++;
    return start;
  }

  private static int trimEnd(CharSequence v, int start, int end) {
    while (end > start && (v.charAt(end - 1) == ' ' || v.charAt(end - 1) == '\t')) end--;
    return end;
  }

  /** Bytes seen as Latin-1 characters, without copying. */
  static final class Slice implements CharSequence {
    private byte[] b;
    private int start;
    private int end;

    Slice set(byte[] bytes, int from, int to) {
      b = bytes;
      start = from;
      end = to;
      return this;
    }

    @Override
    public int length() {
      return end - start;
    }

    @Override
    public char charAt(int index) {
      return (char) (b[start + index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      return new Slice().set(b, start + from, start + to);
    }

    @Override
    public String toString() {
      return new String(b, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
  }
}
