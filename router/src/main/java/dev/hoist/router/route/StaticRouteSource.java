package dev.hoist.router.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A route table that changes only when told to: for tests, benchmarks, and a router run without an
 * api ({@code HOIST_ROUTER_ROUTES_FILE}, same JSON as {@code GET /internal/routes}).
 */
public final class StaticRouteSource implements RouteSource {
  private volatile RouteTable table;
  private volatile Routes routes;

  public StaticRouteSource(RouteTable table) {
    this.table = table;
  }

  /** Reads a file in the shape of the api's {@code /internal/routes} answer. */
  public static StaticRouteSource fromFile(Path file, String appsDomain) throws IOException {
    return new StaticRouteSource(RouteJson.parse(Files.readString(file), appsDomain));
  }

  @Override
  public void start(Routes routes) {
    this.routes = routes;
    routes.update(table);
  }

  /** Installs a new table at once (the test's stand-in for the api changing its mind). */
  public void set(RouteTable next) {
    table = next;
    Routes r = routes;
    if (r != null) r.update(next);
  }

  @Override
  public void close() {}
}
