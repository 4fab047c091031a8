package dev.hoist.router.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.util.List;

/**
 * The host a request is for: exactly one {@code Host} header (Heroku refuses several), lower-cased,
 * without its port or a trailing dot. An absolute-form target ({@code GET http://host/path}) wins
 * over the header, as RFC 9112 §3.2.2 says; the caller then rewrites the target to origin form.
 */
final class HostName {
  private HostName() {}

  /** The routing key, or null when the request names no valid host (→ 400). */
  static String of(HttpRequest request) {
    List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
    String uri = request.uri();
    if (isAbsolute(uri)) {
      int start = uri.indexOf("://") + 3;
      int end = uri.indexOf('/', start);
      return normalize(uri.substring(start, end < 0 ? uri.length() : end));
    }
    return hosts.size() == 1 ? normalize(hosts.get(0)) : null;
  }

  static boolean isAbsolute(String uri) {
    return uri.regionMatches(true, 0, "http://", 0, 7)
        || uri.regionMatches(true, 0, "https://", 0, 8);
  }

  /** {@code http://host:1/a?b} → {@code /a?b}. */
  static String originForm(String uri) {
    int slash = uri.indexOf('/', uri.indexOf("://") + 3);
    return slash < 0 ? "/" : uri.substring(slash);
  }

  static String normalize(String value) {
    String host = value.trim();
    if (host.startsWith("[")) { // an IPv6 literal never names an app, but it is a valid Host
      int close = host.indexOf(']');
      return close > 1 && validPort(host, close + 1) ? host.substring(0, close + 1) : null;
    }
    int colon = host.indexOf(':');
    if (colon >= 0) {
      if (!validPort(host, colon)) return null;
      host = host.substring(0, colon);
    }
    if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
    if (host.isEmpty() || host.length() > 253) return null;
    StringBuilder lower = null;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean upper = c >= 'A' && c <= 'Z';
      if (!upper
          && !(c >= 'a' && c <= 'z')
          && !(c >= '0' && c <= '9')
          && c != '-'
          && c != '.'
          && c != '_') {
        return null;
      }
      if (upper && lower == null) lower = new StringBuilder(host);
      if (upper) lower.setCharAt(i, (char) (c + 32));
    }
    return lower == null ? host : lower.toString();
  }

  /** Nothing, or {@code :} and 1–5 digits, from {@code at} to the end. */
  private static boolean validPort(String host, int at) {
    if (at == host.length()) return true;
    if (host.charAt(at) != ':' || host.length() - at - 1 < 1 || host.length() - at - 1 > 5)
      return false;
    for (int i = at + 1; i < host.length(); i++) {
      if (host.charAt(i) < '0' || host.charAt(i) > '9') return false;
    }
    return true;
  }
}
