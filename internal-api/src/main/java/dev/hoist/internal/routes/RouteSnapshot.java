package dev.hoist.internal.routes;

import java.util.List;

/**
 * One answer of {@code GET /internal/routes} (docs/internal-api.md, "Routes"): every app's hosts,
 * flags, custom pages and dynos at one revision. {@code revision} or {@code apps} is null only in a
 * document that is not a route table, which the router refuses ({@link #complete}): an empty table
 * would send every host a 404, where the last good table serves on.
 */
public record RouteSnapshot(Long revision, List<App> apps) {
  public RouteSnapshot {
    apps = apps == null ? null : List.copyOf(apps);
  }

  /** Whether this is a route table at all: a revision and a list of apps, even an empty one. */
  public boolean complete() {
    return revision != null && apps != null;
  }

  /**
   * An app as the router sees it. {@code blank}: its live release has no slug (nothing deployed
   * yet); the page URLs are its {@code ERROR_PAGE_URL} and {@code MAINTENANCE_PAGE_URL}, null when
   * unset.
   */
  public record App(
      String name,
      List<String> hosts,
      int webQuantity,
      boolean maintenance,
      boolean blank,
      String errorPageUrl,
      String maintenancePageUrl,
      List<Dyno> dynos) {
    public App {
      hosts = hosts == null ? List.of() : List.copyOf(hosts);
      dynos = dynos == null ? List.of() : List.copyOf(dynos);
    }
  }

  /** A web dyno; {@code address} is {@code ip:port}, null until known. */
  public record Dyno(
      String name, String address, String state, boolean routable, Integer releaseVersion) {}
}
