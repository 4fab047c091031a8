package dev.hoist.router.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Two channels joined byte for byte, after a protocol upgrade (websockets): the HTTP codecs leave both
 * pipelines and each side relays raw buffers to the other, with the same backpressure as HTTP bodies
 * (stop reading a side while its peer cannot take more). Either side closing closes the other.
 */
final class Splice extends ChannelInboundHandlerAdapter {
  private final Channel peer;

  private Splice(Channel peer) {
    this.peer = peer;
  }

  /** Called on the shared event loop once the 101 response has been written to the client. */
  static void join(Channel client, Channel backend) {
    client.pipeline().replace("front", "splice", new Splice(backend));
    client.pipeline().remove("http"); // bytes it had buffered go on to the splice
    backend.pipeline().replace("backend", "splice", new Splice(client));
    backend.pipeline().remove("http");
    client.config().setAutoRead(true);
    backend.config().setAutoRead(true);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf)) { // the codec's end-of-message marker, already relayed
      ReferenceCountUtil.release(msg);
      return;
    }
    peer.write(msg, peer.voidPromise());
    if (!peer.isWritable()) ctx.channel().config().setAutoRead(false);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    peer.flush();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) peer.config().setAutoRead(true);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (peer.isActive()) peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
