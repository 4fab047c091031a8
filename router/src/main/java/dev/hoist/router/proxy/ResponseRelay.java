package dev.hoist.router.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.util.ReferenceCountUtil;

/**
 * One exchange's response on its way from the dyno to the client: the head rewritten for the client
 * ({@link ForwardedHeaders#toClient}), the body's bytes passed on in the buffers they arrived in
 * (framed as chunks when the client is sent chunks), then the end and its trailers. Nothing is
 * flushed here but in {@link #flush}, once per read of the dyno's socket.
 *
 * <p>Flow control: when the client's socket is above its high-water mark the dyno is not read
 * (autoRead off) until it drains, so nothing is buffered whole. The head is held back until the
 * body's first bytes: a small body is copied in behind it, and a small response is one buffer to
 * write, not two.
 */
final class ResponseRelay {
  /** A body piece this small is copied in behind its response head. */
  private static final int SMALL_BODY = 1024;

  private final Channel client;
  private final DynoLink dyno;
  private boolean chunked;

  /**
   * The response head, not yet handed to the client channel: a small body joins it in one buffer.
   */
  private ByteBuf unsent;

  ResponseRelay(Channel client, DynoLink dyno) {
    this.client = client;
    this.dyno = dyno;
  }

  /**
   * Passes on a 100 Continue or 103 ahead of the response and returns true; false for any other
   * head. An HTTP/1.0 client must not be sent one (RFC 9110 §15.2).
   */
  boolean informational(ResponseHead response, boolean http10) {
    if (response.status >= 200 || response.status == 101) return false;
    if (!http10) {
      ByteBuf out = client.alloc().buffer(response.length + 64);
      ForwardedHeaders.toClient(out, response, true, false, false);
      client.write(out, client.voidPromise());
    }
    return true;
  }

  /**
   * The response's head, held back for its body; {@code keepAlive}: the client may keep the
   * connection (it asked to, and the router is not draining). True when the client connection must
   * close after it.
   */
  boolean start(ResponseHead response, RequestFacts request, boolean keepAlive) {
    chunked = ForwardedHeaders.chunkedToClient(response, request.http10(), request.head());
    unsent = client.alloc().buffer(response.length + 512);
    return ForwardedHeaders.toClient(unsent, response, keepAlive, request.http10(), request.head());
  }

  /** Body bytes; their ownership passes on. */
  void body(ByteBuf data) {
    int n = data.readableBytes();
    if (unsent != null
        && n <= SMALL_BODY
        && unsent.writableBytes() >= n + 16) { // one buffer, one copy
      if (chunked) Chunks.append(unsent, data);
      else unsent.writeBytes(data);
      data.release();
      return;
    }
    sendUnsent();
    if (chunked) Chunks.write(client, data);
    else client.write(data, client.voidPromise());
    if (!client.isWritable()) dyno.read(false);
  }

  /**
   * The end: the last chunk and any trailers for a client sent chunks (others get no trailers),
   * flushed; then the client connection is closed unless {@code keepClient}.
   */
  void end(ResponseEnd end, boolean keepClient) {
    if (chunked) {
      if (end.trailers != null || unsent == null || !Chunks.appendLast(unsent)) {
        sendUnsent();
        Chunks.last(client, end.trailers);
      }
    } else {
      ReferenceCountUtil.release(end.trailers);
    }
    sendUnsent();
    if (keepClient) client.flush();
    else client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
  }

  /** After a read of the dyno's socket: one flush for everything it brought. */
  void flush() {
    sendUnsent();
    client.flush();
  }

  /** The client's socket may have drained: the dyno is read again once it has. */
  void clientWritabilityChanged() {
    if (client.isWritable()) dyno.read(true);
  }

  /** The response broke off: what the client channel was not handed yet is dropped. */
  void drop() {
    ReferenceCountUtil.release(unsent);
    unsent = null;
  }

  /** Closes the client's connection with a reset: once a head has gone, no status can say more. */
  void resetClient() {
    client.config().setOption(ChannelOption.SO_LINGER, 0); // close() now sends RST, not FIN
    client.close();
  }

  private void sendUnsent() {
    if (unsent != null) {
      client.write(unsent, client.voidPromise());
      unsent = null;
    }
  }
}
