package dev.hoist.cli.run;

import dev.hoist.cli.CliException;
import dev.hoist.cli.api.ApiClient;
import dev.hoist.internal.attach.AttachProtocol;
import dev.hoist.internal.attach.AttachProtocol.Frame;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The client end of {@code attach_url} ({@code tcp://HOST:PORT/TOKEN}, see docs/internal-api.md):
 * one handshake line, then frames both ways, as {@link AttachProtocol} defines them for both ends.
 *
 * <p>Threading: {@link #relay} runs on the caller's thread and reads the socket; {@link #pumpStdin}
 * writes from its own daemon thread and a resize may be sent from a signal thread, so every write
 * of a frame is synchronized.
 */
final class AttachSession implements Closeable {

  private final Socket socket;
  private final String dyno;
  private final String token;
  private final DataInputStream in;
  private final DataOutputStream out;

  private AttachSession(Socket socket, String dyno, String token) throws IOException {
    this.socket = socket;
    this.dyno = dyno;
    this.token = token;
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
  }

  /** Connects to {@code attachUrl}; a refusal names the dyno and the address, never the token. */
  static AttachSession connect(String attachUrl, String dyno) {
    URI uri;
    try {
      uri = URI.create(attachUrl);
    } catch (IllegalArgumentException e) {
      throw new CliException("the API gave an attach_url for " + dyno + " that is not a URL");
    }
    String host = uri.getHost() == null ? null : uri.getHost().replaceAll("^\\[|\\]$", "");
    String token = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (!"tcp".equals(uri.getScheme()) || host == null || uri.getPort() < 0 || token.isEmpty()) {
      throw new CliException(
          "the API gave an attach_url for " + dyno + " that is not tcp://HOST:PORT/TOKEN");
    }
    Socket socket = new Socket();
    try {
      socket.connect(
          new InetSocketAddress(host, uri.getPort()), (int) ApiClient.CONNECT_TIMEOUT.toMillis());
      socket.setTcpNoDelay(true);
      return new AttachSession(socket, dyno, token);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new CliException(
          "cannot attach to "
              + dyno
              + " at "
              + host
              + ":"
              + uri.getPort()
              + ": "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }

  /** {@code HOIST-ATTACH <token> <tty 0|1> <cols> <rows>\n}. */
  void handshake(boolean tty, int cols, int rows) {
    String line = AttachProtocol.hello(token, tty, cols, rows);
    try {
      synchronized (this) {
        out.write(line.getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException e) {
      throw new CliException("cannot attach to " + dyno + ": " + e.getMessage());
    }
  }

  synchronized void send(int type, byte[] payload, int length) throws IOException {
    AttachProtocol.write(out, type, payload, 0, length);
  }

  void resize(int cols, int rows) {
    byte[] size = (cols + " " + rows).getBytes(StandardCharsets.US_ASCII);
    try {
      send(AttachProtocol.RESIZE, size, size.length);
    } catch (IOException closed) {
      // The session is ending; a resize no longer matters.
    }
  }

  /** Copies {@code stdin} to the dyno in the background, then says it is closed. */
  void pumpStdin(InputStream stdin) {
    Thread pump =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                for (int n; (n = stdin.read(buffer)) != -1; ) {
                  send(AttachProtocol.STDIN, buffer, n);
                }
                send(AttachProtocol.STDIN_CLOSED, buffer, 0);
              } catch (IOException over) {
                // The socket closed because the dyno finished: nothing left to send to.
              }
            },
            "hoist-run-stdin");
    pump.setDaemon(true);
    pump.start();
  }

  /**
   * Writes the dyno's output as it arrives, flushing every frame, until the dyno exits.
   *
   * @return the exit status the dyno reported
   * @throws CliException on an error frame, or when the connection ends without an exit status
   */
  int relay(OutputStream stdout, OutputStream stderr) {
    try {
      while (true) {
        Frame frame = AttachProtocol.read(in);
        if (frame == null) throw new EOFException();
        switch (frame.type()) {
          case AttachProtocol.STDOUT -> write(stdout, frame.payload());
          case AttachProtocol.STDERR -> write(stderr, frame.payload());
          case AttachProtocol.EXIT -> {
            return exitStatus(frame.text().strip());
          }
          case AttachProtocol.ERROR -> throw new CliException(frame.text().strip());
          default -> {
            // A frame type this client does not know yet: skipped, so newer servers still work.
          }
        }
      }
    } catch (EOFException e) {
      throw new CliException("the connection to " + dyno + " closed before the command finished");
    } catch (IOException e) {
      throw new CliException("the connection to " + dyno + " was lost: " + e.getMessage());
    }
  }

  private int exitStatus(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new CliException(
          dyno + " reported an exit status that is not a number: '" + text + "'");
    }
  }

  private static void write(OutputStream stream, byte[] bytes) throws IOException {
    stream.write(bytes);
    stream.flush();
  }

  @Override
  public void close() {
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Nothing to do: the socket is unusable either way.
    }
  }
}
