package dev.hoist.router.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Two channels joined byte for byte, after a protocol upgrade (websockets): the HTTP codecs leave
 * both pipelines and each side relays raw buffers to the other, with the same backpressure as HTTP
 * bodies (stop reading a side while its peer cannot take more). Either side closing closes the
 * other. A tunnel with no byte either way for {@code idle-timeout} (55 s, Heroku's window, which
 * websocket apps meet with pings) is closed, so half-open connections do not pile up.
 */
final class Splice extends ChannelInboundHandlerAdapter {
  private final Channel peer;
  private final Deadlines idle;
  private final Deadlines.Node
      mark; // the tunnel's one place on the idle list, shared by both sides

  private Splice(Channel peer, Deadlines idle, Deadlines.Node mark) {
    this.peer = peer;
    this.idle = idle;
    this.mark = mark;
  }

  /** Called on the shared event loop once the 101 response has been written to the client. */
  static void join(Channel client, Channel backend, Deadlines idle) {
    Deadlines.Node mark =
        new Deadlines.Node() {
          @Override
          void expired() {
            client.close();
            backend.close();
          }
        };
    client.pipeline().replace("front", "splice", new Splice(backend, idle, mark));
    client.pipeline().remove("http"); // bytes it had buffered go on to the splice
    backend.pipeline().replace("backend", "splice", new Splice(client, idle, mark));
    backend.pipeline().remove("http");
    idle.add(mark);
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
    if (mark.list != null) idle.add(mark); // a byte either way starts the window again
    peer.flush();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) peer.config().setAutoRead(true);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    idle.remove(mark);
    if (peer.isActive())
      peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
