package dev.hoist.router.proxy;

import java.nio.charset.StandardCharsets;

/**
 * Every way a request can fail in the router, with the status the client gets and the H-code its
 * app's log gets (reference/heroku-spec.md §5.7). Malformed requests carry no H-code of their own
 * in the log beyond H26, Heroku's "request error".
 *
 * <p>Once response headers have reached the client an error can no longer be told with a status:
 * the router then resets the client connection instead of writing a page (see {@link Exchange}).
 */
public enum ProxyError {
  NO_ROUTE(404, null, "No such app"),
  BAD_REQUEST(400, "H26", "Bad request"),
  BAD_HOST(400, "H26", "Missing or invalid Host header"),
  URI_TOO_LONG(414, "H26", "Request line too long"),
  HEADERS_TOO_LARGE(431, "H26", "Request header fields too large"),
  EXPECTATION_FAILED(417, "H26", "Unsupported Expect header value"),
  NOT_IMPLEMENTED(501, "H26", "Method not supported"),
  VERSION_NOT_SUPPORTED(505, "H26", "HTTP version not supported"),
  APP_CRASHED(503, "H10", "App crashed"),
  BACKLOG_TOO_DEEP(503, "H11", "Backlog too deep"),
  REQUEST_TIMEOUT(503, "H12", "Request timeout"),
  CONNECTION_CLOSED(503, "H13", "Connection closed without response"),
  NO_DYNOS(503, "H14", "No web dynos running"),
  IDLE_CONNECTION(503, "H15", "Idle connection"),
  BAD_RESPONSE(503, "H17", "Poorly formatted HTTP response"),
  RESPONSE_INTERRUPTED(503, "H18", "Server Request Interrupted"),
  CONNECT_TIMEOUT(503, "H19", "Backend connection timeout"),
  BOOT_TIMEOUT(503, "H20", "App boot timeout"),
  CONNECT_REFUSED(503, "H21", "Backend connection refused"),
  CLIENT_INTERRUPTED(499, "H27", "Client Request Interrupted"),
  CLIENT_IDLE(499, "H28", "Client Connection Idle"),
  MAINTENANCE(503, "H80", "Maintenance mode"),
  BLANK_APP(503, "H81", "Blank app"),
  NO_ROUTE_TABLE(503, "H99", "Platform error: no route table yet"),
  INTERNAL(503, "H99", "Platform error");

  private final int status;
  private final String code;
  private final String desc;
  private final byte[] page;

  ProxyError(int status, String code, String desc) {
    this.status = status;
    this.code = code;
    this.desc = desc;
    String title =
        switch (code == null ? "" : code) {
          case "H80" -> "Offline for maintenance";
          case "H81" -> "Nothing is deployed to this app yet";
          default -> status == 404 ? "No such app" : status >= 500 ? "Application error" : desc;
        };
    this.page =
        (title + (code == null ? "" : " (" + code + ": " + desc + ")") + "\n")
            .getBytes(StandardCharsets.UTF_8);
  }

  public int status() {
    return status;
  }

  /** The H-code, or null for an unknown host (which belongs to no app's log). */
  public String code() {
    return code;
  }

  public String desc() {
    return desc;
  }

  /**
   * Logged {@code at=info}: the app is as its owner left it (maintenance, nothing deployed), not
   * failing.
   */
  public boolean informational() {
    return this == MAINTENANCE || this == BLANK_APP;
  }

  /** The small plain-text page the client sees. */
  byte[] page() {
    return page;
  }
}
