package dev.hoist.router.route;

import dev.hoist.internal.InternalApi;
import dev.hoist.internal.Watch;
import dev.hoist.internal.routes.RouteSnapshot;
import dev.hoist.internal.routes.RoutesApi;
import java.time.Duration;

/**
 * Long-polls {@code GET {api}/internal/routes?since=REV&wait=30} with the component token ({@link
 * RoutesApi#watch}) and installs every new table it gets. The api answers at once when the revision
 * has moved, else after {@code wait} seconds with the same table; either way the watch asks again.
 *
 * <p>When the api is down or refuses us, the last table stays in force: the {@link Watch} retries
 * with a growing pause and logs once per outage, not once per attempt.
 */
public final class ApiRouteSource implements RouteSource {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final RoutesApi api;
  private final String appsDomain;
  private Watch<RouteSnapshot> watch;

  public ApiRouteSource(String apiUrl, String token, String appsDomain) {
    this.api = new RoutesApi(new InternalApi(apiUrl, token));
    this.appsDomain = appsDomain;
  }

  @Override
  public void start(Routes routes) {
    watch =
        api.watch(
            WAIT,
            snapshot -> {
              RouteTable current = routes.table();
              if (!current.loaded() || snapshot.revision() != current.revision()) {
                routes.update(RouteJson.table(snapshot, appsDomain));
              }
            });
  }

  @Override
  public void close() {
    if (watch != null) watch.close();
  }
}
