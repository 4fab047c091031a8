package dev.hoist.router.proxy;

import dev.hoist.router.route.Dyno;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.HttpContent;
import java.util.concurrent.TimeUnit;

/**
 * One exchange's hold on a dyno: its place there (one of the dyno's {@code max-in-flight} on this
 * loop, given back to the app's backlog when it lets go) and its connection, pooled or new, with
 * the request streaming down it. Writes to the dyno are flushed once per read of the client ({@link
 * #flush}). A connection goes back to the pool only after a clean exchange; otherwise it is closed.
 */
final class DynoLink {
  private final BackendPool pool;
  private final Backlogs backlogs;
  private Dyno dyno;
  private String app;
  private Channel channel;
  private BackendHandler handler;
  private boolean reused;
  private boolean dirty;
  private boolean keepAlive;

  DynoLink(Proxy.Loop loop) {
    this.pool = loop.pool();
    this.backlogs = loop.backlogs();
  }

  /**
   * Takes a place at {@code target} and a connection to it: a kept-alive one unless {@code
   * freshOnly} (at once), else a new one. The exchange hears {@link Exchange#connected} or {@link
   * Exchange#connectFailed}; not when it has let go meanwhile (its client left), and the new
   * connection is closed.
   */
  void connect(Dyno target, String appName, boolean freshOnly, Exchange exchange) {
    dyno = target;
    app = appName;
    pool.begin(target);
    Channel pooled = freshOnly ? null : pool.pooled(target);
    reused = pooled != null;
    if (reused) {
      exchange.connected(pooled, 0);
      return;
    }
    long t0 = System.nanoTime();
    pool.connect(target)
        .addListener(
            (ChannelFuture f) -> {
              if (dyno != target) {
                if (f.isSuccess()) f.channel().close();
              } else if (f.isSuccess()) {
                exchange.connected(
                    f.channel(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
              } else {
                letGo();
                exchange.connectFailed(target, f.cause());
              }
            });
  }

  /** The dyno where it holds a place, or null. */
  Dyno held() {
    return dyno;
  }

  /**
   * Whether the connection came from the pool (and so may have been closed by the dyno meanwhile).
   */
  boolean reused() {
    return reused;
  }

  /**
   * Starts the request down {@code ch}: its head, then whatever of the body has come (not flushed).
   */
  void send(Channel ch, Exchange exchange, RequestFacts request, RequestBody body) {
    channel = ch;
    handler = (BackendHandler) ch.pipeline().get("backend");
    handler.attach(exchange);
    handler.responses.expect(request.head());
    ByteBuf out = ch.alloc().buffer(1024);
    request.writeToDyno(out);
    ch.write(out, ch.voidPromise());
    body.sendAll(ch);
    dirty = true;
  }

  /** More of the body, to go with the next {@link #flush}. */
  void send(HttpContent c, RequestBody body) {
    body.send(channel, c);
    dirty = true;
  }

  void flush() {
    if (dirty && channel != null) {
      dirty = false;
      channel.flush();
    }
  }

  /** Whether the dyno's socket can take more now (true while there is no connection). */
  boolean writable() {
    return channel == null || channel.isWritable();
  }

  /**
   * Reading from the dyno stops while the client cannot take more of the response, and goes on
   * after.
   */
  void read(boolean on) {
    channel.config().setAutoRead(on);
  }

  /**
   * Whether the dyno's response leaves the connection fit for another request (said by its head).
   */
  void keepAlive(boolean fit) {
    keepAlive = fit;
  }

  /**
   * Lets go of the connection and of the place. The connection goes back to the pool after a {@code
   * clean} exchange (the request all sent, the response all read) when the dyno keeps it alive;
   * else it is closed.
   */
  void release(boolean clean) {
    if (channel != null) {
      handler.detach();
      if (clean && keepAlive) {
        channel.config().setAutoRead(true);
        pool.release(dyno, channel, handler);
      } else if (channel.isActive()) {
        channel.close();
      }
      channel = null;
      handler = null;
    }
    if (dyno != null) letGo();
  }

  /**
   * For a tunnel (101): the connection, no longer the exchange's nor the pool's; the place is let
   * go.
   */
  Channel handOver() {
    Channel ch = channel;
    handler.detach();
    channel = null;
    handler = null;
    letGo();
    return ch;
  }

  /** The place is free again: the app's oldest waiting request, if any, gets a turn. */
  void letGo() {
    pool.end(dyno);
    backlogs.placeFreed(app);
    dyno = null;
  }
}
