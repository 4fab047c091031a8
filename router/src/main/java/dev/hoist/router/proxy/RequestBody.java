package dev.hoist.router.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's body on its way to a dyno. Chunks that arrive before a dyno connection exists are
 * held ({@code pending}; reading the client stops while any are, so that is at most one socket
 * read). Chunks already sent are kept as copies ({@code replay}) while the request may still be
 * sent again: only for an idempotent request, only up to 64 KB, only until the dyno starts
 * answering. Event-loop only.
 */
final class RequestBody {
  private static final int MAX_REPLAY_BYTES = 64 * 1024;

  private ArrayDeque<HttpContent> pending;
  private List<HttpContent> replay;
  private int replayBytes;
  private boolean replayable;
  private boolean complete;
  private final boolean chunked;

  /** {@code chunked}: the dyno gets the body in chunks (the client sent it so); else as it is. */
  RequestBody(boolean idempotent, boolean chunked) {
    this.replayable = idempotent;
    this.chunked = chunked;
  }

  /** The last chunk has arrived from the client. */
  boolean complete() {
    return complete;
  }

  void markComplete() {
    complete = true;
  }

  /** Everything sent so far is still here to be sent again. */
  boolean replayable() {
    return replayable;
  }

  boolean holding() {
    return pending != null && !pending.isEmpty();
  }

  void hold(HttpContent c) {
    if (c instanceof LastHttpContent) complete = true;
    if (pending == null) pending = new ArrayDeque<>(4);
    pending.add(c);
  }

  /** A chunk that came after the exchange ended: nothing takes it. */
  void drop(HttpContent c) {
    if (c instanceof LastHttpContent) complete = true;
    c.release();
  }

  /** For a new dyno connection: the copies of what an earlier attempt sent, then what was held. */
  void sendAll(Channel backend) {
    if (replay != null) {
      for (HttpContent c : replay) write(backend, c.retainedDuplicate());
    }
    HttpContent c;
    while (pending != null && (c = pending.poll()) != null) send(backend, c);
  }

  void send(Channel backend, HttpContent c) {
    if (c instanceof LastHttpContent) complete = true;
    if (!chunked
        && !c.content()
            .isReadable()) { // the end of a bodiless request, mostly: nothing to send or keep
      c.release();
      return;
    }
    if (replayable) {
      int size = c.content().readableBytes();
      if (replayBytes + size <= MAX_REPLAY_BYTES) {
        if (replay == null) replay = new ArrayList<>(2);
        replay.add(c);
        replayBytes += size;
        write(backend, c.retainedDuplicate());
        return;
      }
      stopReplay();
    }
    write(backend, c);
  }

  /** Writes {@code c}'s bytes framed for the dyno; ownership of {@code c} passes to the channel. */
  private void write(Channel backend, HttpContent c) {
    ByteBuf data = c.content();
    if (chunked) {
      Chunks.write(backend, data);
      if (c instanceof LastHttpContent last)
        Chunks.last(backend, Chunks.trailers(backend, last.trailingHeaders()));
    } else if (data.isReadable()) {
      backend.write(data, backend.voidPromise());
    } else {
      data.release();
    }
  }

  /** The request will not be sent again (the dyno answered, or the body outgrew the copies). */
  void stopReplay() {
    replayable = false;
    if (replay != null) {
      for (HttpContent c : replay) c.release();
      replay = null;
    }
  }

  void release() {
    stopReplay();
    HttpContent c;
    while (pending != null && (c = pending.poll()) != null) c.release();
  }
}
