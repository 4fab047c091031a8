package dev.hoist.router;

import dev.hoist.router.log.ApiLogSink;
import dev.hoist.router.log.LogSink;
import dev.hoist.router.proxy.Proxy;
import dev.hoist.router.proxy.Transport;
import dev.hoist.router.route.ApiRouteSource;
import dev.hoist.router.route.RouteSource;
import dev.hoist.router.route.Routes;
import dev.hoist.router.route.SnapshotFile;
import dev.hoist.router.route.StaticRouteSource;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.ResourceLeakDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP router, embeddable: {@code new Router(config, routes, logs).start()} binds and serves
 * until {@link #close()}. {@link RouterMain} runs one on its own; the all-in-one launcher runs one
 * in-process.
 *
 * <p>One event-loop group (threads = {@code hoist.router.threads}) carries both client and dyno
 * connections: a request never changes thread (see {@code BackendPool}).
 */
public final class Router implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Router.class.getName());

  private final RouterConfig config;
  private final RouteSource source;
  private final LogSink logs;
  private final Routes routes = new Routes();
  private EventLoopGroup group;
  private volatile Proxy proxy;
  private Channel server;
  private String transport;
  private int port;
  private boolean closed;

  public Router(RouterConfig config, RouteSource source, LogSink logs) {
    this.config = config;
    this.source = source;
    this.logs = logs;
  }

  /**
   * A router fed by the api (or by {@code routes-file} when set) that logs to the api; with {@code
   * snapshot} set, the api's tables are saved there and the last one is served at start.
   */
  public static Router fromConfig(RouterConfig config) {
    RouteSource source;
    try {
      source =
          config.routesFile() != null
              ? StaticRouteSource.fromFile(config.routesFile(), config.appsDomain())
              : new ApiRouteSource(
                  config.apiUrl(),
                  config.componentToken(),
                  config.appsDomain(),
                  config.snapshot() == null ? null : new SnapshotFile(config.snapshot()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + config.routesFile(), e);
    }
    return new Router(
        config,
        source,
        new ApiLogSink(config.apiUrl(), config.componentToken(), config.logBuffer()));
  }

  /**
   * Turns Netty's buffer-leak detector off unless {@code io.netty.leakDetection.level} says
   * otherwise. Its default samples one buffer in 128 and records a stack trace for each: a cost on
   * every request path that production does not need. The tests run it at {@code paranoid} and fail
   * on any leak. For a process's main method; an embedding test suite keeps its own setting.
   */
  public static void leakDetectionOffUnlessSet() {
    if (System.getProperty("io.netty.leakDetection.level") == null) {
      ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }
  }

  /** Starts the route source, binds, and returns the port actually bound. */
  public synchronized int start() throws InterruptedException {
    Transport transport = Transport.choose(config.transport());
    this.transport = transport.name();
    group = transport.newGroup(config.threads());
    source.start(routes);
    proxy = new Proxy(config, routes, logs, transport);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(transport.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 4096)
            .option(ChannelOption.SO_REUSEADDR, true)
            .option(transport.reusePort(), config.reusePort())
            .option(ChannelOption.ALLOCATOR, Proxy.ALLOCATOR)
            .childOption(ChannelOption.ALLOCATOR, Proxy.ALLOCATOR)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, Proxy.waterMark())
            .childHandler(proxy.clientInitializer());
    try {
      server = bootstrap.bind(config.bind(), config.port()).sync().channel();
    } catch (Exception e) {
      close();
      throw e;
    }
    port = ((InetSocketAddress) server.localAddress()).getPort();
    boolean reusePort = Boolean.TRUE.equals(server.config().getOption(transport.reusePort()));
    if (config.reusePort() && !reusePort) {
      LOG.log(
          Level.WARNING,
          "SO_REUSEPORT is not in effect on {0}: a second router cannot share the port",
          transport.name());
    }
    LOG.log(
        Level.INFO,
        "router listening on :{0} ({1}, {2} threads, apps at *.{3}{4})",
        String.valueOf(port),
        transport.name(),
        config.threads(),
        config.appsDomain(),
        reusePort ? ", reuse-port" : "");
    return port;
  }

  /** The transport {@link #start()} chose: io_uring, epoll or nio. */
  public String transport() {
    return transport;
  }

  /** The port {@link #start()} bound (still the same after {@link #close()}). */
  public int port() {
    return port;
  }

  /** The current route table's holder (for tests and the launcher's status page). */
  public Routes routes() {
    return routes;
  }

  /**
   * How many requests wait for a place at a full dyno now (the apps' backlogs; H11 when one is
   * full), for tests and diagnostics; 0 before {@link #start()}.
   */
  public int backlogged() {
    Proxy p = proxy;
    return p == null ? 0 : p.backlogged();
  }

  /**
   * Stops, draining first: the listening socket closes (new connections go to another router on the
   * port, with reuse-port, else are refused), requests in flight finish, each answered with {@code
   * Connection: close}, and idle keep-alive connections close at once; websockets stay open. After
   * {@code drain-timeout}, whatever is still open is cut. Then the route source, the event loops
   * and the log sink (which sends what is left) stop. Blocks until all that is done; a second call
   * does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    if (server != null) drain();
    source.close();
    if (group != null) group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    logs.close();
    server = null;
    group = null;
  }

  private void drain() {
    server.close().syncUninterruptibly();
    long started = System.nanoTime();
    CompletableFuture<Void> drained = proxy.drain();
    int open = proxy.clientConnections();
    if (drained.isDone()) {
      LOG.log(Level.INFO, "router stopped listening on :{0}", String.valueOf(port));
      return;
    }
    Duration timeout = config.drainTimeout();
    LOG.log(
        Level.INFO,
        "router stopped listening on :{0}; draining {1} client connections (up to {2} ms)",
        String.valueOf(port),
        open,
        String.valueOf(timeout.toMillis()));
    try {
      drained.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      LOG.log(
          Level.INFO,
          "router drained in {0} ms",
          String.valueOf(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
    } catch (TimeoutException e) {
      LOG.log(
          Level.WARNING,
          "router drain timed out after {0} ms: closing {1} client connections still open",
          String.valueOf(timeout.toMillis()),
          proxy.clientConnections());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e); // the future is only ever completed normally
    }
  }
}
