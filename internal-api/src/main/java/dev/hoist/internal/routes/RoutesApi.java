package dev.hoist.internal.routes;

import dev.hoist.internal.InternalApi;
import dev.hoist.internal.InternalApiException;
import dev.hoist.internal.Watch;
import java.time.Duration;
import java.util.function.Consumer;

/** {@code GET /internal/routes}: the route table, as the router reads it. */
public final class RoutesApi {
  private final InternalApi api;

  public RoutesApi(InternalApi api) {
    this.api = api;
  }

  /** The route table; with {@code since}, waits up to {@code wait} for a revision past it. */
  public RouteSnapshot routes(Long since, Duration wait) throws InternalApiException {
    return api.watched("/internal/routes", since, wait, RouteSnapshot.class);
  }

  /**
   * Long-polls the routes on a thread of its own and hands every answer to {@code listener} ({@link
   * Watch}).
   */
  public Watch<RouteSnapshot> watch(Duration wait, Consumer<RouteSnapshot> listener) {
    return Watch.start(
        "routes",
        since -> {
          RouteSnapshot routes = routes(since, wait);
          if (!routes.complete()) {
            throw new InternalApiException(
                200,
                "bad_answer",
                "GET /internal/routes answered something that is no route table");
          }
          return routes;
        },
        RouteSnapshot::revision,
        listener);
  }
}
