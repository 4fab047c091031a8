package dev.hoist.internal.state;

import dev.hoist.internal.InternalApi;
import dev.hoist.internal.InternalApiException;
import dev.hoist.internal.Watch;
import java.time.Duration;
import java.util.function.Consumer;

/** {@code GET /internal/state}: the desired state of every app, as the dyno manager reads it. */
public final class StateApi {
  private final InternalApi api;

  public StateApi(InternalApi api) {
    this.api = api;
  }

  /** The desired state; with {@code since}, waits up to {@code wait} for a revision past it. */
  public DesiredState state(Long since, Duration wait) throws InternalApiException {
    return api.watched("/internal/state", since, wait, DesiredState.class);
  }

  /**
   * Long-polls the state on a thread of its own and hands every answer to {@code listener} ({@link
   * Watch}).
   */
  public Watch<DesiredState> watch(Duration wait, Consumer<DesiredState> listener) {
    return Watch.start(
        "desired state", since -> state(since, wait), DesiredState::revision, listener);
  }
}
