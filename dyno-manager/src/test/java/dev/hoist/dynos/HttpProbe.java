package dev.hoist.dynos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 GET on its own connection, straight to a dyno's {@code ip:port}: what the router
 * does.
 */
final class HttpProbe {
  /** A connection that could not be made: the router would try another dyno. */
  static final class ConnectFailed extends IOException {
    ConnectFailed(IOException cause) {
      super(cause);
    }
  }

  private HttpProbe() {}

  /** The response body of a 200; any other outcome after connecting is an IOException. */
  static String get(String address, String path) throws IOException {
    String[] hp = address.split(":");
    try (Socket s = new Socket()) {
      try {
        s.connect(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])), 1000);
      } catch (IOException e) {
        throw new ConnectFailed(e);
      }
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (!response.startsWith("HTTP/1.1 200")) throw new IOException("not a 200: " + response);
      return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
  }
}
