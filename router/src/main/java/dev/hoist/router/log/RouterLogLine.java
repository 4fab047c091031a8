package dev.hoist.router.log;

import java.time.Instant;

/**
 * Heroku's router line (reference/heroku-spec.md §5.6):
 *
 * <pre>
 * at=info method=GET path="/" host=demo.localhost request_id=… fwd="1.2.3.4" dyno=web.1 connect=1ms service=5ms status=200 bytes=123 protocol=http
 * at=error code=H14 desc="No web dynos running" method=GET path="/" host=… request_id=… fwd="…" dyno= connect= service= status=503 bytes=0 protocol=http
 * </pre>
 *
 * Values that are unknown (no dyno was reached, no connection made) stay empty, as Heroku prints
 * them. Quoted values have {@code "} and {@code \} escaped so one line cannot forge fields of
 * another, and control characters replaced by {@code ?}; paths are cut at 2,048 characters.
 *
 * <p>{@link #writeTo} writes the text straight into the sink's buffer, so no String is made per
 * request; {@link #format} builds it as a String for tests.
 *
 * @param at {@code info}, {@code warning} or {@code error}
 * @param code H-code, or null on success
 * @param desc the H-code's description, or null on success
 * @param dyno null when no dyno was chosen
 * @param connectMs -1 when no connection was made
 * @param serviceMs -1 when nothing was proxied
 * @param protocol {@code https} when a trusted load balancer said the client came over TLS, else
 *     {@code http}
 * @param sock {@code client} or {@code backend} for interrupted transfers (H18, H27), else null
 * @param time when the request finished
 */
public record RouterLogLine(
    String at,
    String code,
    String desc,
    String method,
    String path,
    String host,
    String requestId,
    String fwd,
    String dyno,
    long connectMs,
    long serviceMs,
    int status,
    long bytes,
    String protocol,
    String sock,
    Instant time) {
  private static final int MAX_PATH = 2048;

  /** Receives the line's text one piece at a time, in order. */
  interface Out {
    void put(char c);

    /** Characters {@code from} to {@code to} of {@code s}. */
    default void put(String s, int from, int to) {
      for (int i = from; i < to; i++) put(s.charAt(i));
    }

    default void put(String s) {
      if (s == null)
        s = "null"; // as StringBuilder prints it: a bug in a caller must not stop the sender
      put(s, 0, s.length());
    }

    default void put(long n) {
      put(Long.toString(n));
    }
  }

  /** The line's text. */
  public String format() {
    StringBuilder b = new StringBuilder(256);
    writeTo(b::append);
    return b.toString();
  }

  @Override
  public String toString() {
    return format();
  }

  void writeTo(Out out) {
    out.put("at=");
    out.put(at);
    if (code != null) {
      out.put(" code=");
      out.put(code);
      out.put(" desc=");
      quoted(out, desc, Integer.MAX_VALUE);
    }
    out.put(" method=");
    out.put(method);
    out.put(" path=");
    quoted(out, path, MAX_PATH);
    out.put(" host=");
    out.put(host);
    out.put(" request_id=");
    out.put(requestId);
    out.put(" fwd=");
    quoted(out, fwd, Integer.MAX_VALUE);
    out.put(" dyno=");
    if (dyno != null) out.put(dyno);
    out.put(" connect=");
    if (connectMs >= 0) {
      out.put(connectMs);
      out.put("ms");
    }
    out.put(" service=");
    if (serviceMs >= 0) {
      out.put(serviceMs);
      out.put("ms");
    }
    out.put(" status=");
    out.put(status);
    out.put(" bytes=");
    out.put(bytes);
    out.put(" protocol=");
    out.put(protocol);
    if (sock != null) {
      out.put(" sock=");
      out.put(sock);
    }
  }

  /**
   * The first {@code max} characters of {@code value}, quoted; runs that need no escape go whole.
   */
  private static void quoted(Out out, String value, int max) {
    if (value == null) value = "null";
    out.put('"');
    int end = Math.min(value.length(), max);
    int run = 0;
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != 0x7f && c != '"' && c != '\\') continue;
      out.put(value, run, i);
      run = i + 1;
      if (c == '"' || c == '\\') {
        out.put('\\');
        out.put(c);
      } else {
        out.put('?');
      }
    }
    out.put(value, run, end);
    out.put('"');
  }
}
