package dev.hoist.router.proxy;

import dev.hoist.router.route.AppRoute;
import dev.hoist.router.route.Dyno;
import io.netty.channel.ConnectTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * One request's tries at dynos: which dyno next, and what failed last. A dyno whose connection
 * failed or closed unanswered is not tried again for this request and is quarantined for the next
 * ones (Heroku's rule, reference/heroku-spec.md §5.1); at most {@value #MAX} attempts in all. A
 * pooled connection that turns out closed says nothing about its dyno: the next try opens a fresh
 * one.
 */
final class Attempts {
  static final int MAX = 10;

  private final Quarantine quarantine;
  private int count;
  private List<Dyno> tried;
  private ProxyError lastFailure;
  private boolean freshOnly;

  Attempts(Quarantine quarantine) {
    this.quarantine = quarantine;
  }

  /**
   * The dyno to try now, or null when none is left to try. A full one ({@link
   * BackendPool.Pick#full}) is not a try: the request waits in its app's backlog instead.
   */
  BackendPool.Pick next(BackendPool pool, AppRoute route, int maxInFlight) {
    if (count >= MAX) return null;
    BackendPool.Pick pick = pool.pick(route, tried, quarantine, maxInFlight);
    if (pick != null && !pick.full(maxInFlight)) count++;
    return pick;
  }

  /**
   * Why the last try failed, or null if none did (so an empty pick means no dyno serves at all).
   */
  ProxyError lastFailure() {
    return lastFailure;
  }

  /**
   * Why no dyno can take the request, once {@link #next} has none: the last try's failure; else a
   * crashed app (H10); else nothing deployed (H81) or no web dyno (H14). Null while a dyno is still
   * booting, which is worth a wait.
   */
  ProxyError whyNone(AppRoute route) {
    if (lastFailure != null) return lastFailure; // all tried, or out of tries
    if (route.anyCrashed()) return ProxyError.APP_CRASHED;
    if (route.anyStarting()) return null;
    return route.blank() ? ProxyError.BLANK_APP : ProxyError.NO_DYNOS;
  }

  /** Whether the next try must open a new connection rather than take a pooled one. */
  boolean freshOnly() {
    return freshOnly;
  }

  void connectFailed(Dyno d, Throwable cause) {
    giveUpOn(d);
    lastFailure =
        cause instanceof ConnectTimeoutException
            ? ProxyError.CONNECT_TIMEOUT
            : ProxyError.CONNECT_REFUSED;
  }

  void closedUnanswered(Dyno d, boolean pooledConnection) {
    if (pooledConnection) freshOnly = true;
    else giveUpOn(d); // a fresh connection closed unanswered: that dyno is going away
    lastFailure = ProxyError.CONNECTION_CLOSED;
  }

  private void giveUpOn(Dyno d) {
    quarantine.add(d.socketAddress());
    if (tried == null) tried = new ArrayList<>(2);
    tried.add(d);
  }
}
