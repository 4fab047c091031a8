package dev.hoist.api.route;

import dev.hoist.api.ApiSettings;
import dev.hoist.api.route.RouteTable.AppRoute;
import dev.hoist.api.route.RouteTable.DynoRoute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the whole route table in two statements, whatever the number of apps: the apps (each with
 * its web quantity, whether anything is deployed and its custom domains), then every web dyno,
 * joined here by app id. The router's watch answers with it after every change, so its cost must
 * not grow by a statement per app. Call it in the transaction of {@code state.Snapshots}.
 */
@Component
class RouteTableQuery {
  // Unordered, as the per-app code read them (findAll). "blank": the live release (the newest
  // succeeded one) has no slug, or there is none. "domains": the app's custom hostnames, which the
  // router routes beside APP.<apps-domain>, in byte order (as Java sorts them).
  private static final String APPS =
      """
      select a.id, a.name, a.maintenance,
             a.config ->> 'ERROR_PAGE_URL' as error_page_url,
             a.config ->> 'MAINTENANCE_PAGE_URL' as maintenance_page_url,
             coalesce((select f.quantity from formations f
                       where f.app_id = a.id and f.type = 'web'), 0) as web_quantity,
             coalesce((select r.slug_id is null from releases r
                       where r.app_id = a.id and r.status = 'succeeded'
                       order by r.version desc limit 1), true) as blank,
             array(select d.hostname from domains d
                   where d.app_id = a.id order by d.hostname collate "C") as domains
      from apps a""";

  private static final String WEB_DYNOS =
      """
      select app_id, name, address, state, routable, release_version from dynos
      where type = 'web' order by app_id, name""";

  private final JdbcTemplate jdbc;
  private final ApiSettings settings;

  RouteTableQuery(JdbcTemplate jdbc, ApiSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /** Every app's routing, labelled {@code revision}. */
  RouteTable read(long revision) {
    Map<UUID, List<DynoRoute>> web = new HashMap<>();
    jdbc.query(
        WEB_DYNOS,
        rs -> {
          web.computeIfAbsent(rs.getObject("app_id", UUID.class), k -> new ArrayList<>())
              .add(
                  new DynoRoute(
                      rs.getString("name"),
                      rs.getString("address"),
                      rs.getString("state"),
                      rs.getBoolean("routable"),
                      rs.getObject("release_version", Integer.class)));
        });
    List<AppRoute> apps =
        jdbc.query(
            APPS,
            (rs, n) -> {
              String name = rs.getString("name");
              List<String> hosts = new ArrayList<>();
              hosts.add(name + "." + settings.appsDomain());
              hosts.addAll(List.of((String[]) rs.getArray("domains").getArray()));
              return new AppRoute(
                  name,
                  hosts,
                  rs.getInt("web_quantity"),
                  rs.getBoolean("maintenance"),
                  rs.getBoolean("blank"),
                  rs.getString("error_page_url"),
                  rs.getString("maintenance_page_url"),
                  web.getOrDefault(rs.getObject("id", UUID.class), List.of()));
            });
    return new RouteTable(revision, apps);
  }
}
