package dev.hoist.router.proxy;

import dev.hoist.router.RouterConfig;
import dev.hoist.router.route.AppRoute;
import dev.hoist.router.route.Dyno;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's connections to dynos, and its choice of dyno. Only that loop touches it, so it
 * has no locks: every client channel on the loop draws from it, and a dyno connection opened here
 * is registered on the same loop, so a request's two channels never cross threads. Kept-alive
 * connections unused for {@code pool-idle-timeout} are closed by a sweep once a second (cheaper
 * than an idle handler in every dyno connection's pipeline, which would sit on every read and
 * write).
 *
 * <p>Choice: the dyno with the fewest requests in flight from this loop, ties broken by rotation.
 * Round robin alone keeps sending a stalled dyno its share of requests; counting in-flight requests
 * steers around it at the cost of one counter per dyno, and counting per loop keeps that counter
 * free of contention (each loop sees a fair slice of the traffic, so its counts stand for the
 * whole).
 */
final class BackendPool {
  private static final int MAX_IDLE_PER_DYNO = 256;

  /**
   * How long a dyno's slot outlives its last connection. Not at once: a slot made afresh after
   * every lull sends the first requests down paths the JIT compiled away in steady state (no slot;
   * a deque that has to grow), and each such path threw out the compiled request path and had it
   * compiled again while requests waited: the router's worst latencies came in the first seconds
   * after an idle minute (docs/benchmarks.md, fourth session). Ten minutes still lets the slots of
   * dynos long gone go.
   */
  private static final long SLOT_KEEP_NANOS = TimeUnit.MINUTES.toNanos(10);

  private static final class Slot {
    final ArrayDeque<Channel> idle = new ArrayDeque<>();
    int inFlight;
    long unusedSince; // when the sweep first saw it with no connection and nothing in flight, or 0
  }

  private final Bootstrap bootstrap;
  private final long idleNanos;
  private final Map<InetSocketAddress, Slot> slots = new HashMap<>();
  private int rotation;

  BackendPool(EventLoop loop, Transport transport, RouterConfig config, SubmitNow submitNow) {
    this.idleNanos = config.poolIdleTimeout().toNanos();
    this.bootstrap =
        new Bootstrap()
            .group(loop)
            .channel(transport.socketChannel())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.ALLOCATOR, Proxy.ALLOCATOR)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, Proxy.WATER_MARK)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ResponseDecoder responses = new ResponseDecoder();
                    if (submitNow.active()) ch.pipeline().addLast("submit", submitNow);
                    ch.pipeline()
                        .addLast("http", responses)
                        .addLast("backend", new BackendHandler(responses));
                  }
                });
    loop.scheduleAtFixedRate(this::closeIdle, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * A dyno chosen for a request, and how many requests this loop had at it when it was chosen. At
   * {@code max-in-flight} the dyno is full, and so is every other one: it was the least loaded.
   */
  record Pick(Dyno dyno, int load) {
    boolean full(int maxInFlight) {
      return load >= maxInFlight;
    }
  }

  /** The dyno for the next attempt, or null when every serving dyno was tried already. */
  Pick pick(AppRoute route, List<Dyno> tried, Quarantine quarantine, int maxInFlight) {
    Dyno[] serving = route.serving();
    int n = serving.length;
    if (n == 0) return null;
    int start = (rotation++ & Integer.MAX_VALUE) % n;
    Dyno best = null;
    int bestLoad = Integer.MAX_VALUE;
    boolean bestQuarantined = true;
    for (int i = 0; i < n; i++) {
      Dyno d = serving[(start + i) % n];
      if (tried != null && tried.contains(d)) continue;
      // A quarantined dyno is a last resort, not banned: with one dyno left it is still worth a
      // try.
      boolean quarantined = quarantine.contains(d.socketAddress());
      Slot slot = slots.get(d.socketAddress());
      int load = slot == null ? 0 : slot.inFlight;
      // A full dyno (max-in-flight) ranks below a quarantined one: the request would only wait for
      // it.
      boolean full = load >= maxInFlight;
      boolean bestFull = bestLoad >= maxInFlight;
      if (best == null
          || (bestFull && !full)
          || (full == bestFull && bestQuarantined && !quarantined)
          || (full == bestFull && quarantined == bestQuarantined && load < bestLoad)) {
        best = d;
        bestLoad = load;
        bestQuarantined = quarantined;
      }
    }
    return best == null ? null : new Pick(best, bestLoad);
  }

  void begin(Dyno dyno) {
    slot(dyno.socketAddress()).inFlight++;
  }

  /** A request is done with {@code dyno} (the caller tells its app's {@link Backlogs}). */
  void end(Dyno dyno) {
    Slot slot = slots.get(dyno.socketAddress());
    if (slot != null) slot.inFlight--;
  }

  /** A kept-alive connection to the dyno, or null. */
  Channel pooled(Dyno dyno) {
    Slot slot = slots.get(dyno.socketAddress());
    if (slot == null) return null;
    Channel ch;
    while ((ch = slot.idle.pollFirst()) != null) {
      if (ch.isActive()) return ch;
    }
    return null;
  }

  ChannelFuture connect(Dyno dyno) {
    InetSocketAddress address = dyno.socketAddress();
    ChannelFuture connect = bootstrap.connect(address);
    Channel ch = connect.channel();
    ch.closeFuture().addListener(f -> forget(address, ch));
    return connect;
  }

  /**
   * Keeps a connection whose exchange ended cleanly; most recently used first, so extras idle out.
   */
  void release(Dyno dyno, Channel ch, BackendHandler handler) {
    Slot slot = slot(dyno.socketAddress());
    if (ch.isActive() && slot.idle.size() < MAX_IDLE_PER_DYNO) {
      handler.releasedAt = System.nanoTime();
      slot.idle.addFirst(ch);
    } else {
      ch.close();
    }
  }

  /**
   * The least recently used connections are at the tail: close from there until one is fresh. Slots
   * unused for {@link #SLOT_KEEP_NANOS} go too.
   */
  private void closeIdle() {
    long now = System.nanoTime();
    for (var it = slots.values().iterator(); it.hasNext(); ) {
      Slot slot = it.next();
      Channel oldest;
      while ((oldest = slot.idle.peekLast()) != null
          && now - ((BackendHandler) oldest.pipeline().get("backend")).releasedAt > idleNanos) {
        slot.idle.pollLast().close(); // its close listener (forget) touches the deque, not the map
      }
      if (!slot.idle.isEmpty() || slot.inFlight != 0) {
        slot.unusedSince = 0;
      } else if (slot.unusedSince == 0) {
        slot.unusedSince = now;
      } else if (now - slot.unusedSince > SLOT_KEEP_NANOS) {
        it.remove();
      }
    }
  }

  private void forget(InetSocketAddress address, Channel ch) {
    Slot slot = slots.get(address);
    if (slot != null) slot.idle.remove(ch);
  }

  private Slot slot(InetSocketAddress address) {
    Slot slot = slots.get(address);
    if (slot == null) slots.put(address, slot = new Slot());
    return slot;
  }
}
