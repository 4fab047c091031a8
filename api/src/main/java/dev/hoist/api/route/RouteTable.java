package dev.hoist.api.route;

import java.util.List;

/**
 * The answer of {@code GET /internal/routes}: every app's routing at one revision. Its JSON is the
 * wire that {@code internal-api}'s {@code RouteSnapshot} reads.
 */
record RouteTable(long revision, List<AppRoute> apps) {

  /**
   * @param hosts {@code APP.<apps-domain>} first, then the app's custom domains in hostname order
   *     (a wildcard as {@code *.example.com})
   * @param maintenance the router answers with the maintenance page (H80) instead of a dyno
   * @param blank nothing deployed yet: with no dynos the router says "blank app" (H81), not H14
   * @param errorPageUrl the app's {@code ERROR_PAGE_URL}, framed in the router's other 503 pages;
   *     or null
   * @param maintenancePageUrl the app's {@code MAINTENANCE_PAGE_URL}, framed in its H80 page; or
   *     null
   */
  record AppRoute(
      String name,
      List<String> hosts,
      int webQuantity,
      boolean maintenance,
      boolean blank,
      String errorPageUrl,
      String maintenancePageUrl,
      List<DynoRoute> dynos) {}

  record DynoRoute(
      String name, String address, String state, boolean routable, Integer releaseVersion) {}
}
