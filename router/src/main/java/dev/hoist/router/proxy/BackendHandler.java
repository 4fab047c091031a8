package dev.hoist.router.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The last handler of a dyno connection: hands what the dyno says ({@link ResponseDecoder}'s heads,
 * body bytes and ends) to the {@link Exchange} using the connection, if any. A pooled connection
 * with no exchange is expected to stay silent; if it speaks, it is closed.
 */
final class BackendHandler extends ChannelInboundHandlerAdapter {
  /** The connection's response decoder, told before each request whether it is a HEAD. */
  final ResponseDecoder responses;

  private Exchange exchange;

  /** When the connection went back to the pool (nanoTime), for {@link BackendPool}'s idle sweep. */
  long releasedAt;

  BackendHandler(ResponseDecoder responses) {
    this.responses = responses;
  }

  void attach(Exchange x) {
    exchange = x;
  }

  void detach() {
    exchange = null;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (exchange != null) {
      exchange.onResponse(msg);
    } else { // a pooled connection spoke out of turn: nothing it says can be trusted
      ResponseDecoder.release(msg);
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
