package dev.hoist.router.proxy;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's timeouts of one length, without a timer per request: the first-byte deadline of
 * each exchange (H12), and the idle deadline of each keep-alive client connection and of each
 * response under way (H15, H28).
 *
 * <p>Every member of a list gets the same timeout, so deadlines come due in the order they were
 * set: a linked list in that order, with the soonest at its head, is all the structure needed.
 * Adding and removing are O(1) pointer changes; a sweep every tick expires what is due. A scheduled
 * task per request would allocate, and cost a heap insertion and removal, on every request's path;
 * an idle handler in the pipeline would sit on every read and write. The price is precision: a
 * timeout fires up to one tick late. Only the loop's own thread touches this.
 */
final class Deadlines {
  /** The links a timed object carries while it is on a list; it is on one list at most. */
  static class Node {
    Node previous;
    Node next;
    long deadline;
    Deadlines list; // the list it is on, or null

    void expired() {}
  }

  private final long timeoutNanos;
  private Node head;
  private Node tail;

  Deadlines(EventLoop loop, long timeoutNanos, long tickMs) {
    this.timeoutNanos = timeoutNanos;
    loop.scheduleAtFixedRate(this::expire, tickMs, tickMs, TimeUnit.MILLISECONDS);
  }

  /** Sets {@code n}'s deadline from now, taking it off any list it was on. */
  void add(Node n) {
    unlink(n);
    n.deadline = System.nanoTime() + timeoutNanos;
    n.previous = tail;
    n.next = null;
    if (tail == null) head = n;
    else tail.next = n;
    tail = n;
    n.list = this;
  }

  /** Takes {@code n} off this list; nothing if it is not on it. */
  void remove(Node n) {
    if (n.list != this) return;
    if (n.previous == null) head = n.next;
    else n.previous.next = n.next;
    if (n.next == null) tail = n.previous;
    else n.next.previous = n.previous;
    n.previous = n.next = null;
    n.list = null;
  }

  /** Takes {@code n} off whichever list it is on. */
  static void unlink(Node n) {
    if (n.list != null) n.list.remove(n);
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
