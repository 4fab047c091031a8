package dev.hoist.router.proxy;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;

/**
 * The first-byte deadlines (H12) of one event loop's exchanges, without a timer per request.
 *
 * <p>Every exchange gets the same timeout, so deadlines come due in the order they were set: a linked
 * list in that order, with the soonest at its head, is all the structure needed. Adding and removing
 * are O(1) pointer changes; a sweep every {@link #TICK_MS} ms expires what is due. A scheduled task
 * per request would allocate, and cost a heap insertion and removal, on every request's path. The
 * price is precision: a timeout fires up to one tick late. Only the loop's own thread touches this.
 */
final class Deadlines {
  static final long TICK_MS = 100;

  /** The links an exchange carries while it waits for its first response byte. */
  static class Node {
    Node previous;
    Node next;
    long deadline;
    boolean linked;

    void expired() {}
  }

  private final long timeoutNanos;
  private Node head;
  private Node tail;

  Deadlines(EventLoop loop, long timeoutNanos) {
    this.timeoutNanos = timeoutNanos;
    loop.scheduleAtFixedRate(this::expire, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
  }

  void add(Node n) {
    remove(n);
    n.deadline = System.nanoTime() + timeoutNanos;
    n.previous = tail;
    n.next = null;
    if (tail == null) head = n;
    else tail.next = n;
    tail = n;
    n.linked = true;
  }

  void remove(Node n) {
    if (!n.linked) return;
    if (n.previous == null) head = n.next;
    else n.previous.next = n.next;
    if (n.next == null) tail = n.previous;
    else n.next.previous = n.previous;
    n.previous = n.next = null;
    n.linked = false;
  }

  private void expire() {
    long now = System.nanoTime();
    while (head != null && head.deadline - now <= 0) {
      Node due = head;
      remove(due);
      due.expired();
    }
  }
}
