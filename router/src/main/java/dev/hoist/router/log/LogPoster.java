package dev.hoist.router.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocketFactory;

/**
 * One {@code POST /internal/logs} per call, on a plain blocking socket of the sender thread. The JDK's
 * HttpClient did the same with a selector thread, a worker pool and a chain of futures per request,
 * which at tens of batches a second cost more CPU than encoding the lines; here it is one connect, one
 * write, one read. {@code Connection: close} delimits the answer, so no response framing is parsed.
 */
final class LogPoster {
  private static final int TIMEOUT_MS = 5_000;

  private final URI endpoint;
  private final byte[] head;

  LogPoster(URI endpoint, String token) {
    this.endpoint = endpoint;
    int port = port(endpoint);
    String authority = endpoint.getHost() + (port == 80 || port == 443 ? "" : ":" + port);
    String auth = token == null || token.isEmpty() ? "" : "Authorization: Bearer " + token + "\r\n";
    String target = endpoint.getRawPath() + (endpoint.getRawQuery() == null ? "" : "?" + endpoint.getRawQuery());
    this.head = ("POST " + target + " HTTP/1.1\r\nHost: " + authority + "\r\n" + auth
        + "Content-Type: " + LogBatch.MEDIA_TYPE + "\r\nConnection: close\r\nContent-Length: ")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Sends {@code length} bytes of {@code body} and returns the status the api answered with. */
  int post(byte[] body, int length) throws IOException {
    try (Socket socket = "https".equals(endpoint.getScheme()) ? SSLSocketFactory.getDefault().createSocket()
        : new Socket()) {
      socket.connect(new InetSocketAddress(endpoint.getHost(), port(endpoint)), TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      out.write(head);
      out.write((length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body, 0, length);
      out.flush();
      return status(socket.getInputStream());
    }
  }

  /** The code of {@code HTTP/1.1 204 ...}; the rest of the answer is not needed. */
  private static int status(InputStream in) throws IOException {
    byte[] line = new byte[12];
    int n = 0;
    while (n < line.length) {
      int read = in.read(line, n, line.length - n);
      if (read < 0) throw new IOException("the api closed the connection without an answer");
      n += read;
    }
    String text = new String(line, StandardCharsets.ISO_8859_1);
    if (!text.startsWith("HTTP/1.")) throw new IOException("not an HTTP answer: " + text);
    return Integer.parseInt(text.substring(9, 12));
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
  }
}
