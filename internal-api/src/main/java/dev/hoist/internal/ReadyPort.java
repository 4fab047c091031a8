package dev.hoist.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The port a part's dyno opens once its real ports are bound, for the dyno manager's boot check:
 * the dyno's own {@code $PORT}, when the part serves on a port it shares with its siblings
 * (SO_REUSEPORT). A check on the shared port would be answered by the dyno being replaced, so a new
 * dyno would count as up before it listens, and the old one would be stopped too early. It accepts
 * and closes connections; nothing is read or written.
 */
public final class ReadyPort implements AutoCloseable {
  private final ServerSocket socket;

  private ReadyPort(ServerSocket socket) {
    this.socket = socket;
    Thread t = new Thread(this::accept, "ready-port-" + socket.getLocalPort());
    t.setDaemon(true);
    t.start();
  }

  /**
   * Opens {@code $PORT} (from {@code port}, the environment's value) unless it is unset or one of
   * the ports the part already serves on; null then.
   */
  public static ReadyPort openUnlessServed(String port, int... served) throws IOException {
    if (port == null || port.isBlank()) return null;
    int n;
    try {
      n = Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PORT must be a port number, not '" + port + "'");
    }
    for (int s : served) if (s == n) return null;
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(n));
    return new ReadyPort(socket);
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try (Socket s = socket.accept()) {
        // connected is all the check wants
      } catch (IOException e) {
        // closed, or the client went away
      }
    }
  }

  /** Closes the port first when the part stops, so a check no longer finds it up. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
