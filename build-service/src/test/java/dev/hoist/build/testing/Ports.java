package dev.hoist.build.testing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Ports on 127.0.0.1 as a client finds them. */
public final class Ports {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private Ports() {}

  /** A port nothing listens on right now. */
  public static int free() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Waits until a connection to {@code port} is refused: nothing listens there any more. */
  public static void awaitClosed(int port) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (accepts(port)) {
      if (System.nanoTime() > deadline)
        throw new AssertionError("port " + port + " still accepts connections after " + LIMIT);
      Thread.sleep(20);
    }
  }

  /** Waits until something listens on {@code port}, or {@code alive} is false. */
  public static void awaitOpen(int port, java.util.function.BooleanSupplier alive)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!accepts(port)) {
      if (!alive.getAsBoolean() || System.nanoTime() > deadline)
        throw new AssertionError("nothing listens on port " + port);
      Thread.sleep(50);
    }
  }

  private static boolean accepts(int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      return true;
    } catch (ConnectException refused) {
      return false;
    } catch (java.net.SocketException reset) {
      // A connection caught in the backlog of a listener that closed is reset, not refused: nothing
      // listens there any more either.
      return false;
    }
  }
}
