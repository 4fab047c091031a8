package dev.hoist.router.log;

/**
 * Heroku's router line (reference/heroku-spec.md §5.6):
 *
 * <pre>
 * at=info method=GET path="/" host=demo.localhost request_id=… fwd="1.2.3.4" dyno=web.1 connect=1ms service=5ms status=200 bytes=123 protocol=http
 * at=error code=H14 desc="No web dynos running" method=GET path="/" host=… request_id=… fwd="…" dyno= connect= service= status=503 bytes=0 protocol=http
 * </pre>
 *
 * Values that are unknown (no dyno was reached, no connection made) stay empty, as Heroku prints them.
 * Quoted values have {@code "} and {@code \} escaped so one line cannot forge fields of another.
 */
public final class RouterLogLine {
  private static final int MAX_PATH = 2048;

  private RouterLogLine() {}

  /**
   * @param at        {@code info}, {@code warning} or {@code error}
   * @param code      H-code, or null on success
   * @param connectMs -1 when no connection was made
   * @param serviceMs -1 when nothing was proxied
   * @param sock      {@code client} or {@code backend} for interrupted transfers (H18, H27), else null
   */
  public static String format(String at, String code, String desc, String method, String path, String host,
      String requestId, String fwd, String dyno, long connectMs, long serviceMs, int status, long bytes,
      String sock) {
    StringBuilder b = new StringBuilder(200 + Math.min(path.length(), MAX_PATH));
    b.append("at=").append(at);
    if (code != null) {
      b.append(" code=").append(code).append(" desc=");
      quoted(b, desc);
    }
    b.append(" method=").append(method).append(" path=");
    quoted(b, path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path);
    b.append(" host=").append(host).append(" request_id=").append(requestId).append(" fwd=");
    quoted(b, fwd);
    b.append(" dyno=").append(dyno == null ? "" : dyno);
    b.append(" connect=");
    if (connectMs >= 0) b.append(connectMs).append("ms");
    b.append(" service=");
    if (serviceMs >= 0) b.append(serviceMs).append("ms");
    b.append(" status=").append(status).append(" bytes=").append(bytes).append(" protocol=http");
    if (sock != null) b.append(" sock=").append(sock);
    return b.toString();
  }

  private static void quoted(StringBuilder b, String value) {
    b.append('"');
    int run = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != 0x7f && c != '"' && c != '\\') continue;
      b.append(value, run, i);
      run = i + 1;
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else b.append('?');
    }
    b.append(value, run, value.length()).append('"');
  }
}
