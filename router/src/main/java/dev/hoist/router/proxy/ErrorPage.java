package dev.hoist.router.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

/** The router's own answers: a short plain-text page with the error's status. */
final class ErrorPage {
  private static final AsciiString TEXT = AsciiString.cached("text/plain; charset=utf-8");

  private ErrorPage() {}

  /**
   * Writes and flushes the page; closes the connection after it unless {@code keepAlive}. A HEAD request
   * gets the headers alone.
   */
  static ChannelFuture write(Channel ch, ProxyError error, boolean head, boolean keepAlive, String requestId) {
    byte[] page = error.page();
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(error.status()), head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(page));
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, TEXT)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, page.length)
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
    if (requestId != null) response.headers().set(ForwardedHeaders.X_REQUEST_ID, requestId);
    if (!keepAlive) response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ChannelFuture written = ch.writeAndFlush(response);
    if (!keepAlive) written.addListener(ChannelFutureListener.CLOSE);
    return written;
  }
}
