package dev.hoist.router.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The header rewrites on each hop, written straight out as the bytes of the head each side
 * receives. Hop-by-hop headers (RFC 9110 §7.6.1: {@code Connection}, the ones it names, {@code
 * Keep-Alive}, {@code TE}, {@code Upgrade}, ...) describe one connection and are dropped; each
 * side's framing and keep-alive are then declared for that side alone. Heroku's forwarding headers
 * are added to requests (reference/heroku-spec.md §5.3). The dyno always gets HTTP/1.1 with
 * keep-alive, whatever the client spoke: that is what lets the connection go back to the pool.
 *
 * <p>Text is written one byte per character: the request decoder reads each byte as one character
 * (Latin-1), so whatever bytes a client sent in its target and header values reach the dyno
 * unchanged.
 */
final class ForwardedHeaders {
  static final AsciiString X_REQUEST_ID = AsciiString.cached("X-Request-ID");
  static final AsciiString X_FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
  static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("X-Forwarded-Proto");
  static final AsciiString X_FORWARDED_PORT = AsciiString.cached("X-Forwarded-Port");
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] REQUEST_VERSION = bytes(" HTTP/1.1\r\n");
  private static final byte[] RESPONSE_VERSION = bytes("HTTP/1.1 ");
  private static final byte[] CHUNKED = bytes("Transfer-Encoding: chunked\r\n");
  private static final byte[] UPGRADE = bytes("Upgrade: ");
  private static final byte[] CONNECTION_UPGRADE = bytes("Connection: upgrade\r\n");
  private static final byte[] CONNECTION_CLOSE = bytes("Connection: close\r\n");
  private static final byte[] CONNECTION_KEEP_ALIVE = bytes("Connection: keep-alive\r\n");
  private static final byte[] REQUEST_ID = bytes("X-Request-ID: ");
  private static final byte[] FORWARDED_FOR = bytes("\r\nX-Forwarded-For: ");
  private static final byte[] PROTO = bytes("\r\nX-Forwarded-Proto: ");
  private static final byte[] PORT = bytes("\r\nX-Forwarded-Port: ");
  private static final byte[] REQUEST_START = bytes("\r\nX-Request-Start: ");
  private static final byte[] VIA = bytes("Via: ");
  private static final byte[] VIA_HOIST = bytes("1.1 hoist\r\n");
  private static final byte[] COMMA = {',', ' '};
  private static final byte[] COLON = {':', ' '};

  private ForwardedHeaders() {}

  /**
   * The X-Forwarded-For the dyno gets: the client's list, if it sent one, then the client's
   * address.
   */
  static String forwardedFor(HttpHeaders h, String clientIp) {
    String forwarded = h.get(X_FORWARDED_FOR);
    return forwarded == null || forwarded.isBlank() ? clientIp : forwarded + ", " + clientIp;
  }

  /**
   * The scheme the client used: what a trusted load balancer said ({@code http} or {@code https}),
   * else {@code http}, the only one the router speaks itself.
   */
  static String proto(HttpHeaders h, boolean trustedPeer) {
    String p = trustedPeer ? lastValue(h, X_FORWARDED_PROTO) : null;
    return "https".equalsIgnoreCase(p) ? "https" : "http";
  }

  /**
   * The port the client connected to: a trusted load balancer's (1 to 65535), else the router's
   * own.
   */
  static String port(HttpHeaders h, boolean trustedPeer, String localPort) {
    String p = trustedPeer ? lastValue(h, X_FORWARDED_PORT) : null;
    if (p == null || p.isEmpty() || p.length() > 5) return localPort;
    for (int i = 0; i < p.length(); i++) {
      if (p.charAt(i) < '0' || p.charAt(i) > '9') return localPort;
    }
    int n = Integer.parseInt(p);
    return n >= 1 && n <= 65535 ? Integer.toString(n) : localPort;
  }

  /**
   * The value the nearest proxy wrote: the last element of the last such header. A balancer that
   * adds its own line, or appends to a list, after whatever the client sent is believed, not the
   * client.
   */
  private static String lastValue(HttpHeaders h, CharSequence name) {
    List<String> all = h.getAll(name);
    if (all.isEmpty()) return null;
    String last = all.get(all.size() - 1);
    return last.substring(last.lastIndexOf(',') + 1).trim();
  }

  /**
   * Writes the head the dyno receives for the client's request: origin-form target, the client's
   * end-to-end headers, then framing ({@code chunked}: the body is sent in chunks, as the client's
   * was), the upgrade if any, and the forwarding headers (a client's own are replaced, Via is
   * appended to).
   */
  static void toDyno(
      ByteBuf out,
      HttpRequest request,
      String uri,
      String requestId,
      String forwardedFor,
      String proto,
      String port,
      long startMillis,
      boolean chunked,
      boolean upgrade) {
    HttpHeaders h = request.headers();
    ByteBufUtil.writeAscii(out, request.method().asciiName());
    out.writeByte(' ');
    ByteBufUtil.writeAscii(out, uri);
    out.writeBytes(REQUEST_VERSION);
    String[] named = namedByConnection(h);
    CharSequence upgradeTo = null;
    boolean via = false;
    for (Iterator<Map.Entry<CharSequence, CharSequence>> it = h.iteratorCharSequence();
        it.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> e = it.next();
      CharSequence name = e.getKey();
      int kind = HeaderNames.kind(name);
      switch (kind) {
        case HeaderNames.OTHER -> {
          if (named != null && named(named, name)) continue;
        }
        case HeaderNames.HOST -> {}
        case HeaderNames.CONTENT_LENGTH -> {
          if (chunked) continue;
        }
        case HeaderNames.UPGRADE -> {
          if (upgradeTo == null) upgradeTo = e.getValue();
          continue;
        }
        case HeaderNames.VIA -> {
          via = true; // appended to at the end, with the router's own
          continue;
        }
        default -> {
          continue; // hop-by-hop, or a forwarding header the router sets itself
        }
      }
      header(out, name, e.getValue());
    }
    if (chunked) out.writeBytes(CHUNKED);
    if (upgrade && upgradeTo != null) {
      out.writeBytes(UPGRADE);
      ByteBufUtil.writeAscii(out, upgradeTo);
      out.writeBytes(CRLF).writeBytes(CONNECTION_UPGRADE);
    }
    out.writeBytes(REQUEST_ID);
    ByteBufUtil.writeAscii(out, requestId);
    out.writeBytes(FORWARDED_FOR);
    ByteBufUtil.writeAscii(out, forwardedFor);
    out.writeBytes(PROTO);
    ByteBufUtil.writeAscii(out, proto);
    out.writeBytes(PORT);
    ByteBufUtil.writeAscii(out, port);
    out.writeBytes(REQUEST_START);
    digits(out, startMillis);
    out.writeBytes(CRLF).writeBytes(VIA);
    if (via) {
      for (String v : h.getAll(HttpHeaderNames.VIA)) {
        ByteBufUtil.writeAscii(out, v);
        out.writeBytes(COMMA);
      }
    }
    out.writeBytes(VIA_HOIST).writeBytes(CRLF);
  }

  /**
   * Writes the head the client receives for the dyno's response. Returns true when the client
   * connection must close after it: the client asked to, or an HTTP/1.0 client gets a body of
   * unknown length, which only the end of the connection can delimit (chunked encoding is
   * HTTP/1.1).
   */
  static boolean toClient(
      ByteBuf out, ResponseHead r, boolean clientKeepAlive, boolean http10Client, boolean head) {
    int status = r.status;
    boolean upgrade = status == 101;
    boolean close = !clientKeepAlive;
    out.writeBytes(RESPONSE_VERSION)
        .writeBytes(r.bytes, r.statusStart, r.statusEnd - r.statusStart)
        .writeBytes(CRLF);
    boolean via = false;
    for (int i = 0; i < r.lines; i++) {
      int kind = r.kind[i];
      if (kind == HeaderNames.VIA) {
        via = true;
      } else if (!HeaderNames.hopByHop(kind)
          && !(kind == HeaderNames.CONTENT_LENGTH && r.transferEncoding)) {
        out.writeBytes(r.bytes, r.nameStart[i], r.nameEnd[i] - r.nameStart[i])
            .writeBytes(COLON)
            .writeBytes(r.bytes, r.valueStart[i], r.valueEnd[i] - r.valueStart[i])
            .writeBytes(CRLF);
      }
    }
    if (upgrade) {
      out.writeBytes(UPGRADE);
      if (r.upgradeLine >= 0) {
        out.writeBytes(
            r.bytes,
            r.valueStart[r.upgradeLine],
            r.valueEnd[r.upgradeLine] - r.valueStart[r.upgradeLine]);
      }
      out.writeBytes(CRLF).writeBytes(CONNECTION_UPGRADE);
    } else if (chunkedToClient(r, http10Client, head)) {
      out.writeBytes(CHUNKED);
    } else if (http10Client && !bodyless(r, head) && !r.hasContentLength()) {
      close = true;
    }
    if (!upgrade && status >= 200) {
      if (close) out.writeBytes(CONNECTION_CLOSE);
      else if (http10Client) out.writeBytes(CONNECTION_KEEP_ALIVE);
    }
    out.writeBytes(VIA);
    if (via) {
      for (int i = 0; i < r.lines; i++) {
        if (r.kind[i] != HeaderNames.VIA) continue;
        out.writeBytes(r.bytes, r.valueStart[i], r.valueEnd[i] - r.valueStart[i]).writeBytes(COMMA);
      }
    }
    out.writeBytes(VIA_HOIST).writeBytes(CRLF);
    return close;
  }

  /**
   * Whether the client gets the body in chunks: it has one, of a length the dyno did not declare.
   */
  static boolean chunkedToClient(ResponseHead r, boolean http10Client, boolean head) {
    return !http10Client && r.status != 101 && !bodyless(r, head) && !r.hasContentLength();
  }

  private static boolean bodyless(ResponseHead r, boolean head) {
    return head || r.status < 200 || r.status == 204 || r.status == 304;
  }

  private static void header(ByteBuf out, CharSequence name, CharSequence value) {
    ByteBufUtil.writeAscii(out, name);
    out.writeBytes(COLON);
    ByteBufUtil.writeAscii(out, value);
    out.writeBytes(CRLF);
  }

  /**
   * The names a request's Connection headers list beyond the usual tokens, lower-cased, or null
   * (the usual case: none, or only {@code keep-alive}/{@code close}/{@code upgrade}). Host and
   * Content-Length are never taken: routing and framing rest on them.
   */
  private static String[] namedByConnection(HttpHeaders h) {
    if (!h.contains(HttpHeaderNames.CONNECTION)) return null;
    String[] names = null;
    int n = 0;
    for (String value : h.getAll(HttpHeaderNames.CONNECTION)) {
      int start = 0;
      while (start <= value.length()) {
        int comma = value.indexOf(',', start);
        int end = comma < 0 ? value.length() : comma;
        String name = value.substring(start, end).trim().toLowerCase(java.util.Locale.ROOT);
        boolean usual =
            name.isEmpty()
                || name.equals("keep-alive")
                || name.equals("close")
                || name.equals("upgrade")
                || name.equals("host")
                || name.equals("content-length");
        if (!usual) {
          if (names == null) names = new String[4];
          if (n == names.length) names = java.util.Arrays.copyOf(names, n * 2);
          names[n++] = name;
        }
        start = end + 1;
      }
    }
    return names;
  }

  private static boolean named(String[] names, CharSequence name) {
    for (String n : names) {
      if (n != null && HeaderNames.is(name, n)) return true;
    }
    return false;
  }

  /** A non-negative number in decimal, written without making a String of it first. */
  static void digits(ByteBuf out, long n) {
    long scale = 1;
    while (scale <= n / 10) scale *= 10;
    for (; scale > 0; scale /= 10) out.writeByte((int) ('0' + n / scale % 10));
  }

  private static byte[] bytes(String ascii) {
    return ascii.getBytes(StandardCharsets.US_ASCII);
  }
}
