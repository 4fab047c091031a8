package dev.hoist.router.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Bytes on a plain socket, for requests no well-behaved client would send. */
public final class RawClient {
  private RawClient() {}

  /** Sends {@code request} as is and returns everything read until the router closes the connection. */
  public static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return readToEnd(socket.getInputStream());
    }
  }

  static String readToEnd(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) out.write(buffer, 0, n);
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  /** The status code of the first response in {@code text}. */
  public static int status(String text) {
    return Integer.parseInt(text.substring(9, 12));
  }
}
