package dev.hoist.router.proxy;

import dev.hoist.router.RouterConfig;
import dev.hoist.router.log.LogSink;
import dev.hoist.router.route.Routes;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What every connection of one router shares: settings, the route table, the quarantine list, the log
 * sink and one {@link BackendPool} per event loop. Sets up each client connection's pipeline:
 * {@code idle → http (HttpServerCodec) → front (FrontendHandler)}.
 */
public final class Proxy {
  /**
   * Per-channel outbound buffer bounds. Above the high mark a channel is unwritable and the router stops
   * reading its peer; below the low mark reading resumes. This is all the buffering a stream gets.
   */
  static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

  final RouterConfig config;
  final Routes routes;
  final LogSink logs;
  final Quarantine quarantine;
  private final Transport transport;
  private final HttpDecoderConfig decoder = new HttpDecoderConfig()
      .setMaxInitialLineLength(RequestChecks.MAX_LINE).setMaxHeaderSize(RequestChecks.MAX_HEADERS)
      .setMaxChunkSize(64 * 1024);
  private final ConcurrentHashMap<EventLoop, BackendPool> pools = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<EventLoop, Deadlines> deadlines = new ConcurrentHashMap<>();

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
    long idleMs = config.idleTimeout().toMillis();
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        ch.pipeline()
            .addLast("idle", new IdleStateHandler(idleMs, 0, 0, TimeUnit.MILLISECONDS))
            .addLast("http", new HttpServerCodec(decoder))
            .addLast("front", new FrontendHandler(Proxy.this));
      }
    };
  }

  BackendPool pool(EventLoop loop) {
    return pools.computeIfAbsent(loop, l -> new BackendPool(l, transport, config));
  }

  Deadlines deadlines(EventLoop loop) {
    return deadlines.computeIfAbsent(loop, l -> new Deadlines(l, config.firstByteTimeout().toNanos()));
  }
}
