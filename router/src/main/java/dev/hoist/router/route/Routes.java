package dev.hoist.router.route;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The router's current route table and the requests waiting for it to change.
 *
 * <p>Readers (event loops) take {@link #table()} with one volatile read. The {@link RouteSource}
 * thread calls {@link #update}; that swaps the table and then runs every waiter, each of which must
 * hop to its own event loop and re-check. A waiter registered with {@link #onChange} runs at most
 * once.
 */
public final class Routes {
  private volatile RouteTable table = RouteTable.NOT_LOADED;
  private final Queue<Runnable> waiters = new ConcurrentLinkedQueue<>();

  public RouteTable table() {
    return table;
  }

  /** Installs a new table (called by the route source) and wakes everybody who was waiting. */
  public void update(RouteTable next) {
    table = next;
    Runnable waiter;
    while ((waiter = waiters.poll()) != null) waiter.run();
  }

  /**
   * Runs {@code waiter} once, after the table changes from {@code seen}. If it already has, the
   * waiter runs now: registering and checking in this order means no update can slip between the
   * two.
   */
  public void onChange(RouteTable seen, Runnable waiter) {
    waiters.add(waiter);
    if (table != seen && waiters.remove(waiter)) waiter.run();
  }

  /** Forgets a waiter that no longer cares (its request timed out or its client left). */
  public void cancel(Runnable waiter) {
    waiters.remove(waiter);
  }
}
