package dev.hoist.router.proxy;

import dev.hoist.router.RouterConfig;
import dev.hoist.router.log.LogSink;
import dev.hoist.router.route.Routes;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every connection of one router shares: settings, the route table, the quarantine list, the
 * log sink, and per event loop a {@link Loop}. Sets up each client connection's pipeline: {@code
 * http (HttpRequestDecoder) → front (FrontendHandler)}. Nothing encodes on the way out: the router
 * writes the bytes of each response head itself ({@link ForwardedHeaders}) and passes bodies on as
 * the buffers they arrived in.
 */
public final class Proxy {
  /**
   * Per-channel outbound buffer bounds. Above the high mark a channel is unwritable and the router
   * stops reading its peer; below the low mark reading resumes. This is all the buffering a stream
   * gets.
   */
  static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

  /**
   * Buffers for both sides. Netty 4.2 defaults to its adaptive allocator; under the router
   * benchmark the pooled one costs less CPU per request (docs/benchmarks.md), so it is chosen
   * explicitly.
   */
  public static final ByteBufAllocator ALLOCATOR = PooledByteBufAllocator.DEFAULT;

  final RouterConfig config;
  final Routes routes;
  final LogSink logs;
  final Quarantine quarantine;
  private final Transport transport;
  private final HttpDecoderConfig decoder =
      new HttpDecoderConfig()
          .setMaxInitialLineLength(RequestChecks.MAX_LINE)
          .setMaxHeaderSize(RequestChecks.MAX_HEADERS)
          .setMaxChunkSize(64 * 1024);
  private final ConcurrentHashMap<EventLoop, Loop> loops = new ConcurrentHashMap<>();
  private final AtomicInteger backlogged = new AtomicInteger();
  private final ClientConnections clients = new ClientConnections(Proxy::drainOne);

  /**
   * What one event loop keeps for its own connections, touched by that loop's thread alone.
   *
   * @param pool dyno connections and the choice of dyno
   * @param backlogs per app, the requests waiting for a place at a full dyno (H11)
   * @param firstByte exchanges waiting for a response's first byte ({@code first-byte-timeout},
   *     H12)
   * @param idle keep-alive client connections between requests, and responses under way ({@code
   *     idle-timeout}: H15, H28)
   * @param submitNow io_uring: sends what a read or a flush queued without waiting for the loop's
   *     turn
   */
  record Loop(
      BackendPool pool,
      Backlogs backlogs,
      Deadlines firstByte,
      Deadlines idle,
      SubmitNow submitNow) {}

  public Proxy(RouterConfig config, Routes routes, LogSink logs, Transport transport) {
    this.config = config;
    this.routes = routes;
    this.logs = logs;
    this.transport = transport;
    this.quarantine = new Quarantine(config.quarantine().toNanos());
  }

  public static WriteBufferWaterMark waterMark() {
    return WATER_MARK;
  }

  public ChannelInitializer<Channel> clientInitializer() {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        SubmitNow submitNow = loop(ch.eventLoop()).submitNow();
        if (submitNow.active()) ch.pipeline().addLast("submit", submitNow);
        ch.pipeline()
            .addLast("http", new HttpRequestDecoder(decoder))
            .addLast("front", new FrontendHandler(Proxy.this));
        clients.opened(ch);
      }
    };
  }

  /**
   * Starts the drain of a router that has stopped listening: from now on every response tells its
   * client {@code Connection: close}, and idle keep-alive connections close at once
   * (FrontendHandler has the details). Tunnels (websockets) are left alone. The future completes
   * when no client connection is left; the caller decides how long to wait for it.
   */
  public CompletableFuture<Void> drain() {
    return clients.drain();
  }

  /** How many client connections are open, tunnels included. */
  public int clientConnections() {
    return clients.size();
  }

  /** Whether the router is draining: responses close their connection after them. */
  boolean draining() {
    return clients.draining();
  }

  private static void drainOne(Channel ch) {
    if (ch.pipeline().get("front") instanceof FrontendHandler front) front.drain();
    // else a tunnel: it stays until either side closes it, or the drain's time is up
  }

  /**
   * How many requests wait in the apps' backlogs now, on every event loop (for tests and
   * diagnostics).
   */
  public int backlogged() {
    return backlogged.get();
  }

  Loop loop(EventLoop loop) {
    return loops.computeIfAbsent(
        loop,
        l -> {
          SubmitNow submitNow = SubmitNow.on(l);
          return new Loop(
              new BackendPool(l, transport, config, submitNow),
              new Backlogs(l, backlogged),
              new Deadlines(l, config.firstByteTimeout().toNanos(), 100),
              new Deadlines(l, config.idleTimeout().toNanos(), 1000),
              submitNow);
        });
  }
}
