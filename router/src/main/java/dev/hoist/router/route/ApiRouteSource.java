package dev.hoist.router.route;

import dev.hoist.internal.InternalApi;
import dev.hoist.internal.Watch;
import dev.hoist.internal.routes.RouteSnapshot;
import dev.hoist.internal.routes.RoutesApi;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.time.Duration;

/**
 * Long-polls {@code GET {api}/internal/routes?since=REV&wait=30} with the component token ({@link
 * RoutesApi#watch}) and installs every new table it gets. The api answers at once when the revision
 * has moved, else after {@code wait} seconds with the same table; either way the watch asks again.
 *
 * <p>When the api is down or refuses us, the last table stays in force: the {@link Watch} retries
 * with a growing pause and logs once per outage, not once per attempt.
 *
 * <p>With a {@link SnapshotFile}, every table installed is saved there, and at start the saved one
 * is installed before the watch begins, so the router serves at once however long the api takes to
 * answer. The api's first answer replaces it whatever its revision: the api is the truth, the
 * snapshot only the last word heard from it.
 */
public final class ApiRouteSource implements RouteSource {
  private static final System.Logger LOG = System.getLogger(ApiRouteSource.class.getName());
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final RoutesApi api;
  private final String appsDomain;
  private final SnapshotFile snapshot;
  private Watch<RouteSnapshot> watch;

  /** Touched by the watch's thread alone: whether the table in force came from the api. */
  private boolean heardFromApi;

  public ApiRouteSource(String apiUrl, String token, String appsDomain) {
    this(apiUrl, token, appsDomain, null);
  }

  /**
   * @param snapshot where tables are saved and read at start; null for none
   */
  public ApiRouteSource(String apiUrl, String token, String appsDomain, SnapshotFile snapshot) {
    this.api = new RoutesApi(new InternalApi(apiUrl, token));
    this.appsDomain = appsDomain;
    this.snapshot = snapshot;
  }

  @Override
  public void start(Routes routes) {
    if (snapshot != null) installSaved(routes);
    watch =
        api.watch(
            WAIT,
            answer -> {
              RouteTable current = routes.table();
              if (!heardFromApi || answer.revision() != current.revision()) {
                routes.update(RouteJson.table(answer, appsDomain));
                heardFromApi = true;
                if (snapshot != null) snapshot.save(answer);
              }
            });
  }

  private void installSaved(Routes routes) {
    RouteSnapshot saved = snapshot.read();
    if (saved == null) {
      if (!Files.exists(snapshot.path())) {
        LOG.log(
            Level.INFO,
            "no route snapshot at {0} yet: requests wait for the api''s first table",
            snapshot.path());
      }
      return;
    }
    RouteTable table;
    try {
      table = RouteJson.table(saved, appsDomain);
    } catch (RuntimeException e) { // parsed as JSON, yet not a table the router can use
      LOG.log(
          Level.WARNING,
          "the route snapshot {0} cannot be used ({1}); ignoring it",
          snapshot.path(),
          e.toString());
      return;
    }
    routes.update(table);
    LOG.log(
        Level.INFO,
        "serving {0} apps from the route snapshot {1} (revision {2}) until the api answers",
        table.size(),
        snapshot.path(),
        String.valueOf(table.revision()));
  }

  @Override
  public void close() {
    if (watch != null) watch.close();
    if (snapshot != null) snapshot.close();
  }
}
