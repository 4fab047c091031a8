package dev.hoist.router.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hoist.internal.WireJson;
import dev.hoist.internal.routes.RouteSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the api's route table ({@link RouteSnapshot}, docs/internal-api.md, "Routes — for the
 * router") into the router's lookup structures, whether it came from the api or from a routes file.
 */
public final class RouteJson {
  private RouteJson() {}

  /**
   * @throws IllegalArgumentException when the text is not a route table
   */
  public static RouteTable parse(String json, String appsDomain) {
    RouteSnapshot snapshot;
    try {
      snapshot = WireJson.MAPPER.readValue(json, RouteSnapshot.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "route table is not JSON of a route table: " + e.getOriginalMessage());
    }
    return table(snapshot, appsDomain);
  }

  /**
   * @throws IllegalArgumentException when the snapshot has no revision or no list of apps
   */
  public static RouteTable table(RouteSnapshot snapshot, String appsDomain) {
    if (snapshot == null || !snapshot.complete()) {
      throw new IllegalArgumentException("route table needs a revision and an apps array");
    }
    List<AppRoute> apps = new ArrayList<>();
    for (RouteSnapshot.App app : snapshot.apps()) {
      List<Dyno> dynos = new ArrayList<>();
      for (RouteSnapshot.Dyno d : app.dynos()) {
        dynos.add(Dyno.of(d.name(), d.address(), d.state(), d.routable()));
      }
      CustomPages pages = CustomPages.of(app.errorPageUrl(), app.maintenancePageUrl());
      apps.add(AppRoute.of(app.name(), app.hosts(), app.maintenance(), app.blank(), pages, dynos));
    }
    return new RouteTable(snapshot.revision(), apps, appsDomain);
  }
}
