package dev.hoist.dynos.reconcile;

/**
 * What a pass decided for one dyno; {@link DynoActions} carries it out off the reconciler thread.
 */
public sealed interface Action {
  /** Start the slot's dyno (none exists). */
  record Start(Slot slot) implements Action {}

  /** Remove the slot's crashed container and start it again (its backoff is over). */
  record Restart(Dyno crashed, Slot slot) implements Action {}

  /**
   * Take an up web dyno out of the routes; it is stopped once the router has had time to see that.
   */
  record Drain(Dyno dyno) implements Action {}

  /** SIGTERM, grace, SIGKILL, then remove. */
  record Stop(Dyno dyno) implements Action {}

  /** Remove a container that no longer runs and is not wanted. */
  record Remove(Dyno dyno) implements Action {}
}
