package dev.hoist.dynos.reconcile;

import dev.hoist.dynos.scheduler.Observed;

/**
 * An observed container together with what the dyno manager knows about it beyond Docker's view.
 *
 * @param up it accepted connections on $PORT (web) or started (other types)
 * @param draining it was asked out of the routes
 * @param drainAckedAt when the api accepted a report with it unroutable (epoch ms; 0 not yet)
 * @param stopping a stop is under way
 * @param exitHandled its exit has been logged and counted
 */
public record Dyno(
    Observed observed,
    boolean up,
    boolean draining,
    long drainAckedAt,
    boolean stopping,
    boolean exitHandled) {

  public String id() {
    return observed.id();
  }

  public boolean web() {
    return "web".equals(observed.type());
  }

  public boolean running() {
    return observed.running();
  }
}
