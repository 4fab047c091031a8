package dev.hoist.router.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Iterator;
import java.util.Map;

/** Chunked transfer coding (RFC 9112 §7.1), written around body bytes on their way out. */
final class Chunks {
  private static final ByteBuf CRLF = constant("\r\n");
  private static final ByteBuf LAST = constant("0\r\n\r\n");
  private static final ByteBuf LAST_BEFORE_TRAILERS = constant("0\r\n");

  private Chunks() {}

  /** One chunk: size line, {@code data} (whose ownership passes to the channel), CR LF. */
  static void write(Channel ch, ByteBuf data) {
    int n = data.readableBytes();
    if (n == 0) { // an empty chunk would read as the last one
      data.release();
      return;
    }
    ByteBuf size = ch.alloc().buffer(10);
    ByteBufUtil.writeAscii(size, Integer.toHexString(n));
    size.writeShort(('\r' << 8) | '\n');
    ch.write(size, ch.voidPromise());
    ch.write(data, ch.voidPromise());
    ch.write(CRLF.duplicate(), ch.voidPromise());
  }

  /** One chunk appended to {@code out} (which must have room: {@code data}'s bytes and 16 more). */
  static void append(ByteBuf out, ByteBuf data) {
    ByteBufUtil.writeAscii(out, Integer.toHexString(data.readableBytes()));
    out.writeShort(('\r' << 8) | '\n');
    out.writeBytes(data);
    out.writeShort(('\r' << 8) | '\n');
  }

  /** The last chunk without trailers appended to {@code out}; false when it has no room for it. */
  static boolean appendLast(ByteBuf out) {
    if (out.writableBytes() < LAST.readableBytes()) return false;
    out.writeBytes(LAST, LAST.readerIndex(), LAST.readableBytes());
    return true;
  }

  /**
   * The last chunk, with trailer lines if any ({@code Name: value} lines, raw; ownership passes
   * on).
   */
  static void last(Channel ch, ByteBuf trailers) {
    if (trailers == null || !trailers.isReadable()) {
      if (trailers != null) trailers.release();
      ch.write(LAST.duplicate(), ch.voidPromise());
      return;
    }
    ch.write(LAST_BEFORE_TRAILERS.duplicate(), ch.voidPromise());
    ch.write(trailers, ch.voidPromise());
    ch.write(CRLF.duplicate(), ch.voidPromise());
  }

  /** Trailer lines for {@link #last} from decoded trailing headers, or null when there are none. */
  static ByteBuf trailers(Channel ch, HttpHeaders headers) {
    if (headers.isEmpty()) return null;
    ByteBuf out = ch.alloc().buffer();
    for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence();
        it.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> e = it.next();
      ByteBufUtil.writeAscii(out, e.getKey());
      out.writeShort((':' << 8) | ' ');
      ByteBufUtil.writeAscii(out, e.getValue());
      out.writeShort(('\r' << 8) | '\n');
    }
    return out;
  }

  private static ByteBuf constant(String ascii) {
    byte[] bytes = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes));
  }
}
