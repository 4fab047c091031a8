package dev.hoist.router.log;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocketFactory;

/**
 * {@code POST /internal/logs} on one kept-alive connection of the sender thread, a plain blocking
 * socket. The JDK's HttpClient did the same with a selector thread, a worker pool and a chain of
 * futures per request; a new connection per post spent more of the sender's CPU on connecting and
 * closing than on the lines themselves. Here a post is one write and, mostly, one read. That
 * measured cost is why this one call of the internal API is written by hand rather than through
 * {@code dev.hoist.internal.InternalApi}, which every other call of every component uses
 * (docs/benchmarks.md has the figures).
 *
 * <p>A kept connection the api has closed meanwhile is the one failure a post may hide: when a
 * reused connection ends before a single byte of answer, the api cannot have taken the post, so it
 * goes again on a new connection. To keep that rare, a connection idle longer than {@link
 * #IDLE_NANOS} (well under the servers' own idle limits: Tomcat's 20 s, Node's 5 s) is closed
 * rather than reused. Not thread-safe.
 */
final class LogPoster implements AutoCloseable {
  private static final int TIMEOUT_MS = 5_000;
  static final long IDLE_NANOS = 2_000_000_000L;

  private final URI endpoint;
  private final long idleNanos;
  private final byte[] head;
  private final AnswerReader answer = new AnswerReader();
  private Socket socket;
  private OutputStream out;
  private long lastUsed;

  LogPoster(URI endpoint, String token) {
    this(endpoint, token, IDLE_NANOS);
  }

  LogPoster(URI endpoint, String token, long idleNanos) {
    this.endpoint = endpoint;
    this.idleNanos = idleNanos;
    int port = port(endpoint);
    String authority = endpoint.getHost() + (port == 80 || port == 443 ? "" : ":" + port);
    String auth = token == null || token.isEmpty() ? "" : "Authorization: Bearer " + token + "\r\n";
    String target =
        endpoint.getRawPath()
            + (endpoint.getRawQuery() == null ? "" : "?" + endpoint.getRawQuery());
    this.head =
        ("POST "
                + target
                + " HTTP/1.1\r\nHost: "
                + authority
                + "\r\n"
                + auth
                + "Content-Type: "
                + LogBatch.MEDIA_TYPE
                + "\r\nContent-Length: ")
            .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Sends {@code length} bytes of {@code body} and returns the status the api answered with. */
  int post(byte[] body, int length) throws IOException {
    boolean reused = socket != null && System.nanoTime() - lastUsed < idleNanos;
    if (!reused) close();
    try {
      return exchange(body, length);
    } catch (IOException e) {
      close();
      if (!reused || answer.started()) throw e;
      return exchange(body, length); // the api closed the kept connection before it read this post
    }
  }

  private int exchange(byte[] body, int length) throws IOException {
    answer.expect();
    if (socket == null) open();
    out.write(head);
    out.write((length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(body, 0, length);
    out.flush();
    int status = answer.read(socket.getInputStream());
    if (answer.keepAlive()) lastUsed = System.nanoTime();
    else close();
    return status;
  }

  private void open() throws IOException {
    Socket s =
        "https".equals(endpoint.getScheme())
            ? SSLSocketFactory.getDefault().createSocket()
            : new Socket();
    try {
      s.setTcpNoDelay(
          true); // a batch larger than the buffer goes in pieces; none should wait for an ACK
      s.connect(new InetSocketAddress(endpoint.getHost(), port(endpoint)), TIMEOUT_MS);
      s.setSoTimeout(TIMEOUT_MS);
      // Head, length and a batch go out in one write, not three: a batch of 500 lines fits the
      // buffer.
      out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
    } catch (IOException e) {
      s.close();
      throw e;
    }
    socket = s;
  }

  @Override
  public void close() {
    if (socket == null) return;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is all that was left to do with it
    }
    socket = null;
    out = null;
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
  }
}
