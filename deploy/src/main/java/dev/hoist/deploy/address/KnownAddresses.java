package dev.hoist.deploy.address;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The api dynos' addresses as a seed last saw them, kept in a file ({@code host:port} a line), so
 * that a seed coming back after a crash relays to the api's dynos — which outlived it, on the same
 * ports — before its dyno manager has started and adopted them. A stale address costs the relay one
 * refused connect, after which it is quarantined.
 */
public final class KnownAddresses {
  private static final Logger log = LoggerFactory.getLogger(KnownAddresses.class);

  private final Path file;
  private volatile List<InetSocketAddress> last;

  public KnownAddresses(Path file) {
    this.file = file;
    this.last = read(file);
  }

  /** What the file held when this seed started, until {@link #remember} replaces it. */
  public List<InetSocketAddress> list() {
    return last;
  }

  /** Keeps {@code addresses} when they differ from the last ones; the file is replaced whole. */
  public void remember(List<InetSocketAddress> addresses) {
    if (addresses.equals(last)) return;
    synchronized (this) {
      if (addresses.equals(last)) return;
      last = List.copyOf(addresses);
      StringBuilder text = new StringBuilder();
      for (InetSocketAddress a : addresses) {
        text.append(a.getHostString()).append(':').append(a.getPort()).append('\n');
      }
      try {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        log.warn("cannot keep the api's addresses in {}: {}", file, e.toString());
      }
    }
  }

  private static List<InetSocketAddress> read(Path file) {
    if (!Files.exists(file)) return List.of();
    List<InetSocketAddress> addresses = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int colon = line.lastIndexOf(':');
        if (colon <= 0) continue;
        try {
          int port = Integer.parseInt(line.substring(colon + 1).trim());
          addresses.add(new InetSocketAddress(line.substring(0, colon), port));
        } catch (IllegalArgumentException e) {
          // a line that is no address: skipped
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return List.copyOf(addresses);
  }
}
