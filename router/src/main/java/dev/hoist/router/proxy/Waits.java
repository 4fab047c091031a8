package dev.hoist.router.proxy;

import dev.hoist.router.route.RouteTable;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One exchange's waits before a dyno takes it, and their deadlines: for the route table to change
 * (no table yet, or a dyno still booting; up to {@code boot-wait}), and for a place at a dyno in
 * its app's backlog (up to {@code first-byte-timeout}; H11 at once when the backlog is full). Each
 * deadline counts from the first time the exchange waits so, however often it waits again in
 * between, and tells the exchange when it passes ({@link Exchange#waitedTooLong}), which fails only
 * if it still waits so. Made only for the exchanges that wait; event-loop only.
 */
final class Waits {
  private final Exchange exchange;
  private final EventLoop loop;
  private final Proxy proxy;
  private final Backlogs backlogs;

  /** Registered with the route table while waiting for it; runs the exchange again on a change. */
  private Runnable waiter;

  private ProxyError onTimeout;
  private ScheduledFuture<?> bootTimer;
  private ScheduledFuture<?> backlogTimer;
  private long queuedSince;
  private String app;

  Waits(Exchange exchange, Proxy proxy, Backlogs backlogs, EventLoop loop) {
    this.exchange = exchange;
    this.loop = loop;
    this.proxy = proxy;
    this.backlogs = backlogs;
  }

  /**
   * Waits until the route table is no longer {@code seen}; past {@code boot-wait}, {@code
   * onTimeout}.
   */
  void forRoutes(RouteTable seen, ProxyError timeout) {
    onTimeout = timeout;
    if (bootTimer == null) {
      bootTimer =
          loop.schedule(
              () -> {
                bootTimer = null;
                exchange.waitedTooLong(false, onTimeout);
              },
              proxy.config.bootWait().toNanos(),
              TimeUnit.NANOSECONDS);
    }
    if (waiter == null) waiter = () -> loop.execute(exchange::routesChanged);
    proxy.routes.onChange(seen, waiter);
  }

  /**
   * Joins the app's backlog (in front when {@code hadItsTurn}, see {@link Backlogs#join}); false
   * when it is full.
   */
  boolean inBacklog(String appName, int depth, boolean hadItsTurn) {
    app = appName;
    if (!backlogs.join(app, exchange, depth, hadItsTurn)) return false;
    if (queuedSince == 0) queuedSince = System.nanoTime();
    if (backlogTimer == null) {
      long left = proxy.config.firstByteTimeout().toNanos() - (System.nanoTime() - queuedSince);
      backlogTimer =
          loop.schedule(
              () -> {
                backlogTimer = null;
                exchange.waitedTooLong(true, ProxyError.REQUEST_TIMEOUT);
              },
              Math.max(0, left),
              TimeUnit.NANOSECONDS);
    }
    return true;
  }

  /**
   * No more waiting: a dyno took the request, or it ended. {@code inBacklog}: it still waits there
   * (its client left, or it failed before its turn came) and leaves it.
   */
  void stop(boolean inBacklog) {
    if (backlogTimer != null) {
      backlogTimer.cancel(false);
      backlogTimer = null;
    }
    if (bootTimer != null) {
      bootTimer.cancel(false);
      bootTimer = null;
    }
    if (inBacklog) backlogs.leave(app, exchange);
    if (waiter != null) proxy.routes.cancel(waiter);
  }
}
