package dev.hoist.router.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of a dyno connection: hands what the dyno says to the {@link Exchange} using the
 * connection, if any. A pooled connection with no exchange is expected to stay silent; if it speaks, it
 * is closed.
 */
final class BackendHandler extends ChannelInboundHandlerAdapter {
  private Exchange exchange;
  /** When the connection went back to the pool (nanoTime), for {@link BackendPool}'s idle sweep. */
  long releasedAt;

  void attach(Exchange x) {
    exchange = x;
  }

  void detach() {
    exchange = null;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (exchange != null && msg instanceof HttpObject) {
      exchange.onResponse((HttpObject) msg);
    } else {
      ReferenceCountUtil.release(msg);
      ctx.close();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    // Writes to the client are batched per read of the dyno socket: one flush, one syscall.
    if (exchange != null) exchange.flushClient();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (exchange != null) exchange.backendWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    Exchange x = exchange;
    exchange = null;
    if (x != null) x.onBackendClosed();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close(); // reported to the exchange by channelInactive, as a closed connection
  }
}
