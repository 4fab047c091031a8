package dev.hoist.router.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.util.List;

/**
 * The header rewrites on each hop. Hop-by-hop headers (RFC 9110 §7.6.1: {@code Connection}, the ones it
 * names, {@code Keep-Alive}, {@code TE}, {@code Upgrade}, ...) describe one connection and are dropped;
 * each side's framing and keep-alive are then set for that side alone. Heroku's forwarding headers are
 * added to requests (reference/heroku-spec.md §5.3).
 */
final class ForwardedHeaders {
  static final AsciiString X_REQUEST_ID = AsciiString.cached("X-Request-ID");
  static final AsciiString X_FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
  static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("X-Forwarded-Proto");
  static final AsciiString X_FORWARDED_PORT = AsciiString.cached("X-Forwarded-Port");
  static final AsciiString X_REQUEST_START = AsciiString.cached("X-Request-Start");
  private static final AsciiString VIA_VALUE = AsciiString.cached("1.1 hoist");
  private static final AsciiString HTTP = AsciiString.cached("http");
  private static final AsciiString[] HOP_BY_HOP = {HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
      AsciiString.cached("proxy-connection"), HttpHeaderNames.PROXY_AUTHENTICATE,
      HttpHeaderNames.PROXY_AUTHORIZATION, HttpHeaderNames.TE, HttpHeaderNames.TRAILER,
      HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.UPGRADE};

  private ForwardedHeaders() {}

  /**
   * Rewrites the client's request, in place, into what the dyno receives ({@code chunked}: its body is
   * chunked, as the client declared). Returns the X-Forwarded-For value sent.
   */
  static String toDyno(HttpRequest request, String requestId, String clientIp, String port, long startMillis,
      boolean chunked, boolean upgrade) {
    HttpHeaders h = request.headers();
    String upgradeTo = h.get(HttpHeaderNames.UPGRADE);
    dropHopByHop(h);
    if (chunked) h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    if (upgrade) {
      h.set(HttpHeaderNames.UPGRADE, upgradeTo);
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
    }
    h.set(X_REQUEST_ID, requestId);
    String forwarded = h.get(X_FORWARDED_FOR);
    forwarded = forwarded == null || forwarded.isBlank() ? clientIp : forwarded + ", " + clientIp;
    h.set(X_FORWARDED_FOR, forwarded);
    h.set(X_FORWARDED_PROTO, HTTP);
    h.set(X_FORWARDED_PORT, port);
    h.set(X_REQUEST_START, Long.toString(startMillis));
    via(h);
    // The dyno always gets HTTP/1.1 with keep-alive, whatever the client spoke: that is what lets the
    // connection go back to the pool.
    request.setProtocolVersion(HttpVersion.HTTP_1_1);
    return forwarded;
  }

  /**
   * Rewrites the dyno's response, in place, for the client. Returns true when the client connection must
   * close after it: the client asked to, or an HTTP/1.0 client gets a body of unknown length, which only
   * the end of the connection can delimit (chunked encoding is HTTP/1.1).
   */
  static boolean toClient(HttpResponse response, boolean clientKeepAlive, boolean http10Client, boolean head) {
    HttpHeaders h = response.headers();
    int status = response.status().code();
    boolean upgrade = status == 101;
    String upgradeTo = h.get(HttpHeaderNames.UPGRADE);
    dropHopByHop(h);
    boolean bodyless = head || status < 200 || status == 204 || status == 304;
    boolean close = !clientKeepAlive;
    if (upgrade) {
      h.set(HttpHeaderNames.UPGRADE, upgradeTo);
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
    } else if (!bodyless && !h.contains(HttpHeaderNames.CONTENT_LENGTH)) {
      if (http10Client) close = true;
      else h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    }
    if (!upgrade && status >= 200) {
      if (close) h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      else if (http10Client) h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    via(h);
    return close;
  }

  private static void via(HttpHeaders h) {
    String via = h.get(HttpHeaderNames.VIA);
    if (via == null) h.set(HttpHeaderNames.VIA, VIA_VALUE);
    else h.set(HttpHeaderNames.VIA, via + ", " + VIA_VALUE);
  }

  private static void dropHopByHop(HttpHeaders h) {
    String connection = h.get(HttpHeaderNames.CONNECTION);
    if (connection != null) {
      for (String value : h.getAll(HttpHeaderNames.CONNECTION)) dropNamedIn(h, value);
    }
    for (AsciiString name : HOP_BY_HOP) h.remove(name);
  }

  /** Drops each header a Connection value names, but never what routing and framing rest on. */
  private static void dropNamedIn(HttpHeaders h, String value) {
    int start = 0;
    while (start < value.length()) {
      int comma = value.indexOf(',', start);
      int end = comma < 0 ? value.length() : comma;
      String name = value.substring(start, end).trim();
      boolean common = name.equalsIgnoreCase("keep-alive") || name.equalsIgnoreCase("close");
      if (!name.isEmpty() && !common && !name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
        h.remove(name);
      }
      start = end + 1;
    }
  }
}
