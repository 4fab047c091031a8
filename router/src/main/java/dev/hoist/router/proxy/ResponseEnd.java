package dev.hoist.router.proxy;

import io.netty.buffer.ByteBuf;

/**
 * The end of a dyno's response, after its body. A chunked body may end with trailer lines, kept raw
 * ({@code Name: value} lines, each ended by CR LF or LF) for a client that is sent chunks too.
 */
final class ResponseEnd {
  static final ResponseEnd PLAIN = new ResponseEnd(null);

  /**
   * Null when there are none; otherwise owned by whoever receives this end, who must release it.
   */
  final ByteBuf trailers;

  ResponseEnd(ByteBuf trailers) {
    this.trailers = trailers;
  }
}
