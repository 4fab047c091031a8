package dev.hoist.router.proxy;

import dev.hoist.router.route.CustomPages;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The router's own answers: a short plain-text page with the error's status, or for an app's 503s
 * the HTML page its {@code ERROR_PAGE_URL} or {@code MAINTENANCE_PAGE_URL} asked for ({@link
 * CustomPages}).
 */
final class ErrorPage {
  private ErrorPage() {}

  /**
   * Writes and flushes the page; closes the connection after it unless {@code keepAlive}. A HEAD
   * request gets the headers alone.
   */
  static ChannelFuture write(
      Channel ch, ProxyError error, boolean head, boolean keepAlive, String requestId) {
    return write(ch, error, CustomPages.NONE, head, keepAlive, requestId);
  }

  /** As above, with the app's own page where it has one for this error. */
  static ChannelFuture write(
      Channel ch,
      ProxyError error,
      CustomPages pages,
      boolean head,
      boolean keepAlive,
      String requestId) {
    byte[] custom = custom(error, pages);
    byte[] page = custom != null ? custom : error.page();
    ByteBuf out = ch.alloc().buffer(256 + page.length);
    ByteBufUtil.writeAscii(
        out,
        "HTTP/1.1 "
            + HttpResponseStatus.valueOf(error.status())
            + "\r\nContent-Type: "
            + (custom != null ? "text/html" : "text/plain")
            + "; charset=utf-8"
            + "\r\nContent-Length: "
            + page.length
            + "\r\nCache-Control: no-cache\r\n");
    if (requestId != null) ByteBufUtil.writeAscii(out, "X-Request-ID: " + requestId + "\r\n");
    if (!keepAlive) ByteBufUtil.writeAscii(out, "Connection: close\r\n");
    out.writeShort(('\r' << 8) | '\n');
    if (!head) out.writeBytes(page);
    ChannelFuture written = ch.writeAndFlush(out);
    if (!keepAlive) written.addListener(ChannelFutureListener.CLOSE);
    return written;
  }

  /**
   * The maintenance page for H80; the error page for the other 503s of an app that failed its
   * request (H10-H21, H99), as on Heroku. Not for H81: an app with nothing deployed is new, not
   * failing.
   */
  static byte[] custom(ProxyError error, CustomPages pages) {
    if (error == ProxyError.MAINTENANCE) return pages.maintenance();
    if (error.status() != 503 || error == ProxyError.BLANK_APP) return null;
    return pages.error();
  }
}
