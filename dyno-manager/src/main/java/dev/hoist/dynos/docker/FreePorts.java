package dev.hoist.dynos.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Host ports for dynos on the host's network that have no fixed port: the kernel's choice for a
 * socket bound to port 0, released at once for the dyno to bind. A port handed out is not handed
 * out again for {@code holdMs}, so that two dynos created together (before either has bound its
 * port) never share one; a port some other process takes in between is the rare race this leaves,
 * and the dyno then fails to boot and is restarted on another.
 */
final class FreePorts {
  private final long holdMs;
  private final Deque<long[]> recent = new ArrayDeque<>(); // {port, handed out at}

  FreePorts(long holdMs) {
    this.holdMs = holdMs;
  }

  synchronized int next() {
    long now = System.currentTimeMillis();
    while (!recent.isEmpty() && now - recent.peekFirst()[1] >= holdMs) recent.removeFirst();
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = probe();
      if (recent.stream().noneMatch(r -> r[0] == port)) {
        recent.addLast(new long[] {port, now});
        return port;
      }
    }
    throw new IllegalStateException("no free host port found in 50 attempts");
  }

  private static int probe() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress(0)); // the wildcard address: free on every interface
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free host port", e);
    }
  }
}
