package dev.hoist.router.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Bytes on a plain socket, for requests no well-behaved client would send. */
public final class RawClient {
  private RawClient() {}

  /**
   * Sends {@code request} as is and returns everything read until the router closes the connection.
   */
  public static String exchange(int port, String request) throws IOException {
    try (Socket socket = send(port, request)) {
      return readToEnd(socket.getInputStream());
    }
  }

  /**
   * A connection that has sent {@code text} as is and is still open; its reads time out after 10 s.
   */
  public static Socket send(int port, String text) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
    return socket;
  }

  /**
   * Reads one response with a {@code Content-Length} body from a kept-alive connection, and nothing
   * past it: its head and body as text.
   */
  public static String readResponse(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) throw new AssertionError("closed in a response head: " + head);
      head.write(b);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
  }

  static String readToEnd(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    readInto(in, out);
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * What arrived before the peer reset the connection; a clean close or a read timeout fails the
   * test.
   */
  public static String readUntilReset(Socket socket) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    try {
      readInto(socket.getInputStream(), got);
      throw new AssertionError("closed without a reset after: " + got);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no reset within 10 s after: " + got, e);
    } catch (SocketException e) {
      assertThat(e.getMessage()).contains("reset");
    }
    return got.toString(StandardCharsets.ISO_8859_1);
  }

  private static void readInto(InputStream in, ByteArrayOutputStream out) throws IOException {
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) out.write(buffer, 0, n);
  }

  /** The status code of the first response in {@code text}. */
  public static int status(String text) {
    return Integer.parseInt(text.substring(9, 12));
  }
}
