package dev.hoist.router.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Splits what a dyno sends into responses, without decoding them into objects: for each response it
 * passes on the parsed {@link ResponseHead}, then the body's bytes as slices of the buffers read
 * (no copy; chunk framing removed), then a {@link ResponseEnd}. A response the router cannot read
 * one way only (see {@link ResponseHead}) becomes {@link #BAD}, and nothing after it on the
 * connection is read.
 *
 * <p>Framing follows RFC 9112 §6.3: no body after a HEAD request or a 1xx, 204 or 304; a chunked
 * body; a Content-Length body; otherwise the body runs until the dyno closes, and the close is its
 * end. After a 101 every further byte is passed on as it is (the splice takes over). The exchange
 * says whether the request was a HEAD before sending it ({@link #expect}): a connection carries one
 * request at a time.
 */
final class ResponseDecoder extends ChannelInboundHandlerAdapter {
  /** A response that cannot be framed safely; the connection is of no further use. */
  static final Object BAD =
      new Object() {
        @Override
        public String toString() {
          return "bad response";
        }
      };

  static final int MAX_HEAD = 64 * 1024;
  private static final int MAX_CHUNK_LINE = 1024;
  private static final int MAX_TRAILERS = 8 * 1024;

  private enum State {
    HEAD,
    FIXED,
    CHUNK_SIZE,
    CHUNK_DATA,
    CHUNK_END,
    TRAILERS,
    UNTIL_CLOSE,
    RAW,
    BROKEN
  }

  private final ResponseHead head = new ResponseHead();
  private State state = State.HEAD;
  private boolean headRequest;
  private long remaining;

  /** A head, chunk-size line or trailer section that has not fully arrived yet. */
  private ByteBuf partial;

  /**
   * Releases a message this decoder passed on, when nobody takes it: body bytes, or an end's
   * trailers.
   */
  static void release(Object msg) {
    if (msg instanceof ResponseEnd end) ReferenceCountUtil.release(end.trailers);
    else ReferenceCountUtil.release(msg);
  }

  /** Before each request: whether it is a HEAD, whose response has no body whatever it declares. */
  void expect(boolean headRequest) {
    this.headRequest = headRequest;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf)) {
      ctx.fireChannelRead(msg);
      return;
    }
    ByteBuf in = (ByteBuf) msg;
    if (partial != null) {
      ByteBuf joined = partial.writeBytes(in);
      in.release();
      in = joined;
      partial = null;
    }
    try {
      decode(ctx, in);
    } finally {
      in.release();
    }
  }

  private void decode(ChannelHandlerContext ctx, ByteBuf in) {
    while (in.isReadable()) {
      switch (state) {
        case HEAD -> {
          if (!head(ctx, in)) return;
        }
        case FIXED, CHUNK_DATA -> {
          int n = (int) Math.min(remaining, in.readableBytes());
          remaining -= n;
          ctx.fireChannelRead(in.readRetainedSlice(n));
          if (remaining == 0 && state == State.FIXED) end(ctx, ResponseEnd.PLAIN);
          else if (remaining == 0) state = State.CHUNK_END;
        }
        case CHUNK_SIZE -> {
          if (!chunkSize(ctx, in)) return;
        }
        case CHUNK_END -> {
          if (!chunkEnd(ctx, in)) return;
        }
        case TRAILERS -> {
          if (!trailers(ctx, in)) return;
        }
        case UNTIL_CLOSE, RAW -> ctx.fireChannelRead(in.readRetainedSlice(in.readableBytes()));
        case BROKEN -> in.skipBytes(in.readableBytes());
      }
    }
  }

  /** False when the head is not all here yet (what is, is kept) or was refused. */
  private boolean head(ChannelHandlerContext ctx, ByteBuf in) {
    while (in.isReadable()
        && (in.getByte(in.readerIndex()) == '\r' || in.getByte(in.readerIndex()) == '\n')) {
      in.skipBytes(1); // blank lines before a status line are tolerated (RFC 9112 §2.2)
    }
    if (!in.isReadable()) return false;
    int end = endOfSection(in, in.readerIndex());
    if (end < 0) {
      if (in.readableBytes() > MAX_HEAD) return bad(ctx, in);
      keep(ctx, in);
      return false;
    }
    int n = end - in.readerIndex();
    if (n > MAX_HEAD) return bad(ctx, in);
    in.readBytes(head.buffer(n), 0, n);
    if (!head.parse()) return bad(ctx, in);
    int status = head.status;
    boolean informational = status >= 100 && status < 200 && status != 101;
    boolean bodyless = headRequest || status == 204 || status == 304;
    head.untilClose = false;
    if (status == 101) {
      state = State.RAW;
    } else if (informational || bodyless) {
      state = State.HEAD; // after a 1xx the real response follows
    } else if (head.chunked) {
      state = State.CHUNK_SIZE;
    } else if (head.transferEncoding || head.contentLength < 0) {
      head.untilClose = true;
      state = State.UNTIL_CLOSE;
    } else {
      remaining = head.contentLength;
      state = remaining == 0 ? State.HEAD : State.FIXED;
    }
    ctx.fireChannelRead(head);
    if (!informational && status != 101 && state == State.HEAD)
      ctx.fireChannelRead(ResponseEnd.PLAIN);
    return true;
  }

  private boolean chunkSize(ChannelHandlerContext ctx, ByteBuf in) {
    int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
    if (lf < 0) {
      if (in.readableBytes() > MAX_CHUNK_LINE) return bad(ctx, in);
      keep(ctx, in);
      return false;
    }
    long size = 0;
    int digits = 0;
    int i = in.readerIndex();
    for (; i < lf; i++) {
      int d = Character.digit(in.getByte(i), 16);
      if (d < 0) break;
      if (++digits > 15) return bad(ctx, in); // beyond any real body; and no overflow
      size = size * 16 + d;
    }
    byte stop = in.getByte(i);
    // After the digits: the line end, or chunk extensions (ignored) after ';' or whitespace.
    if (digits == 0 || (i < lf && stop != ';' && stop != ' ' && stop != '\t' && stop != '\r'))
      return bad(ctx, in);
    if (lf - in.readerIndex() > MAX_CHUNK_LINE) return bad(ctx, in);
    in.readerIndex(lf + 1);
    remaining = size;
    state = size == 0 ? State.TRAILERS : State.CHUNK_DATA;
    return true;
  }

  private boolean chunkEnd(ChannelHandlerContext ctx, ByteBuf in) {
    byte first = in.getByte(in.readerIndex());
    if (first == '\n') {
      in.skipBytes(1);
    } else if (first == '\r') {
      if (in.readableBytes() < 2) {
        keep(ctx, in);
        return false;
      }
      if (in.getByte(in.readerIndex() + 1) != '\n') return bad(ctx, in);
      in.skipBytes(2);
    } else {
      return bad(ctx, in);
    }
    state = State.CHUNK_SIZE;
    return true;
  }

  /**
   * The trailer section after the last chunk: passed on raw (validated) for the client's chunked
   * body.
   */
  private boolean trailers(ChannelHandlerContext ctx, ByteBuf in) {
    int start = in.readerIndex();
    byte first = in.getByte(start);
    int emptyLine =
        first == '\n'
            ? 1
            : first == '\r' && in.readableBytes() >= 2 && in.getByte(start + 1) == '\n' ? 2 : 0;
    if (emptyLine > 0) { // no trailers: the usual case
      in.skipBytes(emptyLine);
      end(ctx, ResponseEnd.PLAIN);
      return true;
    }
    int end = first == '\r' && in.readableBytes() < 2 ? -1 : endOfSection(in, start);
    if (end < 0) {
      if (in.readableBytes() > MAX_TRAILERS) return bad(ctx, in);
      keep(ctx, in);
      return false;
    }
    if (end - start > MAX_TRAILERS || !plainLines(in, start, end)) return bad(ctx, in);
    // The section without its final empty line: the client gets "0\r\n" + these lines + "\r\n".
    int linesEnd = in.getByte(end - 2) == '\r' ? end - 2 : end - 1;
    ByteBuf trailers = in.retainedSlice(start, linesEnd - start);
    in.readerIndex(end);
    end(ctx, new ResponseEnd(trailers));
    return true;
  }

  private void end(ChannelHandlerContext ctx, ResponseEnd end) {
    state = State.HEAD;
    ctx.fireChannelRead(end);
  }

  private boolean bad(ChannelHandlerContext ctx, ByteBuf in) {
    in.skipBytes(in.readableBytes());
    state = State.BROKEN;
    ctx.fireChannelRead(BAD);
    return false;
  }

  /** Keeps the unread rest for the next read, which will be appended to it. */
  private void keep(ChannelHandlerContext ctx, ByteBuf in) {
    partial = ctx.alloc().buffer(Math.max(in.readableBytes() * 2, 512)).writeBytes(in);
  }

  /**
   * The index just past the empty line ending a header section that starts at {@code from}, or -1
   * when it has not all arrived. Lines end in CR LF or a bare LF.
   */
  static int endOfSection(ByteBuf in, int from) {
    int limit = in.writerIndex();
    int i = from;
    while (true) {
      int lf = in.indexOf(i, limit, (byte) '\n');
      if (lf < 0 || lf + 1 >= limit) return -1;
      byte next = in.getByte(lf + 1);
      if (next == '\n') return lf + 2;
      if (next == '\r') {
        if (lf + 2 >= limit) return -1;
        if (in.getByte(lf + 2) == '\n') return lf + 3;
      }
      i = lf + 1;
    }
  }

  /**
   * Whether {@code [start, end)} is a trailer section the client can only read one way: header
   * lines of a token name, a colon and visible characters, spaces or tabs, then the empty line.
   */
  static boolean plainLines(ByteBuf in, int start, int end) {
    byte[] b = new byte[end - start];
    in.getBytes(start, b);
    int at = 0;
    while (at < b.length) {
      int lf = at;
      while (b[lf] != '\n') lf++;
      int lineEnd = lf > at && b[lf - 1] == '\r' ? lf - 1 : lf;
      if (lineEnd == at) return lf == b.length - 1; // the empty line ends the section
      int colon = at;
      while (colon < lineEnd && b[colon] != ':') {
        if (b[colon] <= ' ' || b[colon] == 0x7f) return false;
        colon++;
      }
      if (colon == at || colon == lineEnd) return false;
      for (int i = colon + 1; i < lineEnd; i++) {
        if (b[i] >= 0 && b[i] < 0x20 && b[i] != '\t' || b[i] == 0x7f) return false;
      }
      at = lf + 1;
    }
    return false;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (state == State.UNTIL_CLOSE) end(ctx, ResponseEnd.PLAIN); // the close is the body's end
    release();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    release();
  }

  private void release() {
    if (partial != null) {
      ReferenceCountUtil.release(partial);
      partial = null;
    }
  }
}
