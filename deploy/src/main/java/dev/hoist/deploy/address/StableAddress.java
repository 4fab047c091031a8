package dev.hoist.deploy.address;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The api's stable address ({@code :5000}): a TCP relay in the seed that sends each connection to
 * one of the api's dynos, wherever they run. The CLI, the dynos and the other parts only ever know
 * this address, so the api can be deployed, scaled and restarted like any app.
 *
 * <p>The dynos come from {@code upstreams}, asked on every connection (the dyno manager's own book:
 * no api call, so the address works while the api is down or starting). When there is none, a
 * connection waits up to {@code waitForUpstream} for one rather than failing: an api restarting
 * under a CLI call is a pause, not an error. A request whose dyno dies before it answered a byte is
 * sent again to another dyno when its method is idempotent ({@link Relay}).
 */
public final class StableAddress implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StableAddress.class);

  /** How long a dyno that refused a connection is passed over, so the next pick is a live one. */
  static final Duration QUARANTINE = Duration.ofSeconds(2);

  private final Supplier<List<InetSocketAddress>> upstreams;
  private final Duration waitForUpstream;
  private final ServerSocket server;
  private final ExecutorService relays;
  private final AtomicInteger next = new AtomicInteger();
  private final Map<InetSocketAddress, Long> refusedUntil = new ConcurrentHashMap<>();
  private volatile boolean closed;
  private volatile boolean waiting; // logged once per stretch without an api dyno

  private StableAddress(
      ServerSocket server, Supplier<List<InetSocketAddress>> upstreams, Duration waitForUpstream) {
    this.server = server;
    this.upstreams = upstreams;
    this.waitForUpstream = waitForUpstream;
    AtomicInteger n = new AtomicInteger();
    this.relays =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "api-address-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Listens on {@code bind} and starts relaying; port 0 picks a free port. */
  public static StableAddress start(
      InetSocketAddress bind, Supplier<List<InetSocketAddress>> upstreams, Duration wait)
      throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(bind, 256);
    StableAddress address = new StableAddress(server, upstreams, wait);
    Thread acceptor = new Thread(address::accept, "api-address-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    log.info("the api's stable address listens on {}", server.getLocalSocketAddress());
    return address;
  }

  public int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        client.setTcpNoDelay(true);
        relays.execute(new Relay(client, this));
      } catch (IOException e) {
        if (!closed) log.warn("accepting on the api's address: {}", e.toString());
      }
    }
  }

  /**
   * Connects to an api dyno, round robin over the live ones, skipping {@code tried}; waits for one
   * to appear up to the deadline. Null when none could be reached in time.
   */
  Socket connect(List<InetSocketAddress> tried) throws InterruptedException {
    long deadline = System.nanoTime() + waitForUpstream.toNanos();
    while (!closed) {
      List<InetSocketAddress> all = upstreams.get();
      long now = System.nanoTime();
      List<InetSocketAddress> candidates =
          all.stream()
              .filter(a -> !tried.contains(a))
              .filter(a -> refusedUntil.getOrDefault(a, 0L) < now)
              .toList();
      if (candidates.isEmpty()) candidates = all.stream().filter(a -> !tried.contains(a)).toList();
      for (int i = 0; i < candidates.size(); i++) {
        InetSocketAddress target =
            candidates.get(Math.floorMod(next.getAndIncrement(), candidates.size()));
        tried.add(target);
        try {
          Socket upstream = new Socket();
          upstream.setTcpNoDelay(true);
          upstream.connect(target, 1000);
          refusedUntil.remove(target);
          if (waiting) {
            waiting = false;
            log.info("an api dyno answers again at {}", target);
          }
          return upstream;
        } catch (IOException e) {
          refusedUntil.put(target, System.nanoTime() + QUARANTINE.toNanos());
        }
      }
      if (System.nanoTime() > deadline) return null;
      if (!waiting) {
        waiting = true;
        log.info("no api dyno answers; connections wait up to {} for one", waitForUpstream);
      }
      tried.clear(); // a dyno that refused may be back (a restart on the same port)
      Thread.sleep(100);
    }
    return null;
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      log.debug("closing the api's address: {}", e.toString());
    }
    relays.shutdownNow();
  }

  static void quietly(Socket s) {
    if (s == null) return;
    try {
      s.close();
    } catch (IOException e) {
      // already gone
    }
  }
}
