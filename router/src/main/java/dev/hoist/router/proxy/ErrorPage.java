package dev.hoist.router.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpResponseStatus;

/** The router's own answers: a short plain-text page with the error's status. */
final class ErrorPage {
  private ErrorPage() {}

  /**
   * Writes and flushes the page; closes the connection after it unless {@code keepAlive}. A HEAD request
   * gets the headers alone.
   */
  static ChannelFuture write(Channel ch, ProxyError error, boolean head, boolean keepAlive, String requestId) {
    byte[] page = error.page();
    ByteBuf out = ch.alloc().buffer(256 + page.length);
    ByteBufUtil.writeAscii(out, "HTTP/1.1 " + HttpResponseStatus.valueOf(error.status())
        + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + page.length
        + "\r\nCache-Control: no-cache\r\n");
    if (requestId != null) ByteBufUtil.writeAscii(out, "X-Request-ID: " + requestId + "\r\n");
    if (!keepAlive) ByteBufUtil.writeAscii(out, "Connection: close\r\n");
    out.writeShort(('\r' << 8) | '\n');
    if (!head) out.writeBytes(page);
    ChannelFuture written = ch.writeAndFlush(out);
    if (!keepAlive) written.addListener(ChannelFutureListener.CLOSE);
    return written;
  }
}
