package dev.hoist.api.route;

import dev.hoist.api.app.App;
import dev.hoist.api.app.AppRepository;
import dev.hoist.api.domain.Domain;
import dev.hoist.api.domain.DomainRepository;
import dev.hoist.api.dyno.DynoRepository;
import dev.hoist.api.formation.Formation;
import dev.hoist.api.formation.FormationRepository;
import dev.hoist.api.release.CurrentRelease;
import dev.hoist.api.route.RouteTable.AppRoute;
import dev.hoist.api.route.RouteTable.DynoRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The route table as the api read it before {@link RouteTableQuery}: through the repositories, a
 * few statements per app. Kept as the oracle that the query's answer is held to; call it in a
 * transaction.
 */
final class PerAppRouteTable {
  private final AppRepository apps;
  private final DynoRepository dynos;
  private final FormationRepository formations;
  private final CurrentRelease current;
  private final DomainRepository domains;
  private final String appsDomain;

  PerAppRouteTable(
      AppRepository apps,
      DynoRepository dynos,
      FormationRepository formations,
      CurrentRelease current,
      DomainRepository domains,
      String appsDomain) {
    this.apps = apps;
    this.dynos = dynos;
    this.formations = formations;
    this.current = current;
    this.domains = domains;
    this.appsDomain = appsDomain;
  }

  List<AppRoute> apps() {
    return apps.findAll().stream().map(this::route).toList();
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
    List<String> hosts = new ArrayList<>();
    hosts.add(app.name() + "." + appsDomain);
    domains.findByAppIdOrderByCreatedAtAscHostnameAsc(app.id()).stream()
        .map(Domain::hostname)
        .sorted(Comparator.naturalOrder())
        .forEach(hosts::add);
    return new AppRoute(
        app.name(),
        hosts,
        quantity,
        app.maintenance(),
        current.of(app.id()).map(r -> r.slugId() == null).orElse(true),
        config.get("ERROR_PAGE_URL"),
        config.get("MAINTENANCE_PAGE_URL"),
        web);
  }
}
