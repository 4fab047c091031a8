package dev.hoist.router.proxy;

import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One event loop's backlogs (Heroku's word; H11 when one is full): per app, the requests that found
 * every dyno at {@code max-in-flight} and wait for a place, oldest first. Not to be confused with
 * the requests a client pipelines on its connection, which wait in their {@link FrontendHandler}.
 *
 * <p>A place frees when a request of the app lets go of its dyno ({@link #placeFreed}): the oldest
 * waiting request gets its turn ({@link Exchange#leftBacklog}), and passes it on unless it took a
 * place. A place can also free without a request ending (a dyno added, or out of quarantine), so
 * once a second each backlog's oldest request looks again. Only the loop's own thread touches this.
 */
final class Backlogs {
  private final EventLoop loop;
  private final Map<String, ArrayDeque<Exchange>> waiting = new HashMap<>();

  /**
   * How many wait, across every loop's backlogs (shared; touched only when a request joins or
   * leaves).
   */
  private final AtomicInteger count;

  Backlogs(EventLoop loop, AtomicInteger count) {
    this.loop = loop;
    this.count = count;
    loop.scheduleAtFixedRate(this::lookAgain, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Puts a request in its app's backlog: at the back when it is new, refused (false) when the
   * backlog already holds {@code depth}; at the front when it had its turn and lost the freed place
   * to a newer request, so no request waits twice.
   */
  boolean join(String app, Exchange exchange, int depth, boolean hadItsTurn) {
    ArrayDeque<Exchange> queue = waiting.computeIfAbsent(app, a -> new ArrayDeque<>());
    if (hadItsTurn) {
      queue.addFirst(exchange);
    } else if (queue.size() >= depth) {
      if (queue.isEmpty()) waiting.remove(app);
      return false;
    } else {
      queue.addLast(exchange);
    }
    count.incrementAndGet();
    return true;
  }

  /** The request gave up waiting (its client left, or its deadline passed). */
  void leave(String app, Exchange exchange) {
    ArrayDeque<Exchange> queue = waiting.get(app);
    if (queue == null || !queue.remove(exchange)) return;
    count.decrementAndGet();
    if (queue.isEmpty()) waiting.remove(app);
  }

  /**
   * A request of {@code app} let go of its dyno: the app's oldest waiting request, if any, tries
   * again.
   */
  void placeFreed(String app) {
    if (!waiting.isEmpty())
      wakeNext(app); // else nothing waits anywhere: the usual case costs one check
  }

  /** The oldest request waiting in {@code app}'s backlog, if any, tries again. */
  void wakeNext(String app) {
    ArrayDeque<Exchange> queue = waiting.get(app);
    if (queue == null) return;
    Exchange next = queue.pollFirst();
    if (queue.isEmpty()) waiting.remove(app);
    if (next == null) return;
    count.decrementAndGet();
    loop.execute(next::leftBacklog); // after the caller is done with its own state
  }

  private void lookAgain() {
    for (String app : List.copyOf(waiting.keySet())) wakeNext(app);
  }
}
