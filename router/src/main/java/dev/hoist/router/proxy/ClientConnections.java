package dev.hoist.router.proxy;

import io.netty.channel.Channel;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Every client connection the router has open, HTTP or tunnel, so that a stopping router can tell
 * each one it drains and know when the last one has gone. A connection is added when its pipeline
 * is set up and leaves when it closes, whatever closed it; that is one set insertion and one
 * removal per connection, none per request.
 *
 * <p>{@link #drain} runs {@code toDrain} on each connection's own event loop: the ones open now and
 * any set up later (accepted just before the listening socket closed). Its future completes when no
 * connection is left.
 */
final class ClientConnections {
  private final Set<Channel> open = ConcurrentHashMap.newKeySet();
  private final CompletableFuture<Void> empty = new CompletableFuture<>();
  private final Consumer<Channel> toDrain;
  private volatile boolean draining;

  /**
   * @param toDrain what draining does to one connection; called on that connection's event loop
   */
  ClientConnections(Consumer<Channel> toDrain) {
    this.toDrain = toDrain;
  }

  /** A new connection, on its event loop, once its pipeline is in place. */
  void opened(Channel ch) {
    open.add(ch);
    ch.closeFuture().addListener(f -> closed(ch));
    if (draining) toDrain.accept(ch);
  }

  private void closed(Channel ch) {
    open.remove(ch);
    if (draining && open.isEmpty()) empty.complete(null);
  }

  /** Starts draining every connection; the future completes when none is open. */
  CompletableFuture<Void> drain() {
    draining = true;
    for (Channel ch : open) ch.eventLoop().execute(() -> toDrain.accept(ch));
    if (open.isEmpty()) empty.complete(null);
    return empty;
  }

  boolean draining() {
    return draining;
  }

  /** How many are open now. */
  int size() {
    return open.size();
  }
}
