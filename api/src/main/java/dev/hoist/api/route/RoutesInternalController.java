package dev.hoist.api.route;

import dev.hoist.api.ApiSettings;
import dev.hoist.api.app.App;
import dev.hoist.api.app.AppRepository;
import dev.hoist.api.dyno.DynoRepository;
import dev.hoist.api.formation.Formation;
import dev.hoist.api.formation.FormationRepository;
import dev.hoist.api.release.CurrentRelease;
import dev.hoist.api.state.RoutesRevision;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/routes}: the router's table — each app's hosts, whether it is in maintenance
 * or has nothing deployed, and its web dynos as the dyno manager last reported them. Long-polls on
 * its own revision, like {@code /internal/state}.
 */
@RestController
class RoutesInternalController {
  private final RoutesRevision revision;
  private final AppRepository apps;
  private final DynoRepository dynos;
  private final FormationRepository formations;
  private final CurrentRelease current;
  private final ApiSettings settings;
  private final TransactionTemplate tx;

  RoutesInternalController(
      RoutesRevision revision,
      AppRepository apps,
      DynoRepository dynos,
      FormationRepository formations,
      CurrentRelease current,
      ApiSettings settings,
      TransactionTemplate tx) {
    this.revision = revision;
    this.apps = apps;
    this.dynos = dynos;
    this.formations = formations;
    this.current = current;
    this.settings = settings;
    this.tx = tx;
  }

  @GetMapping("/internal/routes")
  RouteTable routes(
      @RequestParam(required = false) Long since, @RequestParam(defaultValue = "30") int wait)
      throws InterruptedException {
    revision.watch(since, wait);
    return tx.execute(
        status ->
            new RouteTable(revision.current(), apps.findAll().stream().map(this::route).toList()));
  }

  private AppRoute route(App app) {
    int quantity =
        formations.findByAppIdAndType(app.id(), "web").map(Formation::quantity).orElse(0);
    List<DynoRoute> web =
        dynos.findByAppIdOrderByName(app.id()).stream()
            .filter(d -> d.type().equals("web"))
            .map(
                d ->
                    new DynoRoute(
                        d.name(), d.address(), d.state(), d.routable(), d.releaseVersion()))
            .toList();
    Map<String, String> config = app.config();
    return new AppRoute(
        app.name(),
        List.of(app.name() + "." + settings.appsDomain()),
        quantity,
        app.maintenance(),
        blank(app),
        config.get("ERROR_PAGE_URL"),
        config.get("MAINTENANCE_PAGE_URL"),
        web);
  }

  /** Nothing deployed: the live release (v1 "Initial release", or a rollback to it) has no slug. */
  private boolean blank(App app) {
    return current.of(app.id()).map(r -> r.slugId() == null).orElse(true);
  }

  record RouteTable(long revision, List<AppRoute> apps) {}

  /**
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
