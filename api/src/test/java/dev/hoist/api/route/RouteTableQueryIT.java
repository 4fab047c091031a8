package dev.hoist.api.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.api.ApiSettings;
import dev.hoist.api.app.AppRepository;
import dev.hoist.api.domain.DomainRepository;
import dev.hoist.api.dyno.DynoRepository;
import dev.hoist.api.formation.FormationRepository;
import dev.hoist.api.release.CurrentRelease;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.CountingDataSource;
import dev.hoist.api.support.Http;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code GET /internal/routes} read in a fixed number of statements: its answer is the one the
 * per-app reads gave ({@link PerAppRouteTable}) for every kind of app, and its statements do not
 * grow with the apps.
 */
class RouteTableQueryIT extends ApiTest {
  @Autowired AppRepository apps;
  @Autowired DynoRepository dynos;
  @Autowired FormationRepository formations;
  @Autowired CurrentRelease current;
  @Autowired DomainRepository domains;
  @Autowired ApiSettings settings;
  @Autowired TransactionTemplate tx;
  @Autowired ObjectMapper json;
  @Autowired DataSource dataSource;

  @Test
  void theRoutesOfEveryKindOfAppAreWhatThePerAppReadsGave() throws Exception {
    Http user = newUser();
    String blank = newApp(user, "blank");
    String served = servedApp(user);
    String zone = unique() + ".example.com";
    for (String host : List.of("www." + zone, "*." + zone, "api." + zone)) {
      assertThat(user.post("/apps/" + served + "/domains", Map.of("hostname", host)).status())
          .isEqualTo(201);
    }
    String away = servedApp(user);
    ok(
        user.patch(
            "/apps/" + away + "/config-vars",
            Map.of(
                "ERROR_PAGE_URL", "https://pages.example.com/error.html",
                "MAINTENANCE_PAGE_URL", "https://pages.example.com/away.html")));
    ok(user.patch("/apps/" + away, Map.of("maintenance", true)));
    String rolledBack = servedApp(user);
    assertThat(user.post("/apps/" + rolledBack + "/releases", Map.of("release", 1)).status())
        .isEqualTo(201);

    Http.Response answered = component().get("/internal/routes");
    JsonNode answer = ok(answered);
    var perApp =
        tx.execute(
            status ->
                new PerAppRouteTable(
                        apps, dynos, formations, current, domains, settings.appsDomain())
                    .apps());

    assertThat(appIn(answer, blank).get("blank").asBoolean()).isTrue();
    JsonNode route = appIn(answer, served);
    assertThat(route.get("blank").asBoolean()).isFalse();
    assertThat(route.get("web_quantity").asInt()).isEqualTo(2);
    assertThat(values(route.get("dynos"), "name")).containsExactly("web.1", "web.2");
    assertThat(json.convertValue(route.get("hosts"), List.class))
        .as("the default host, then the custom ones in byte order, the wildcard as it was added")
        .containsExactly(served + ".localhost", "*." + zone, "api." + zone, "www." + zone);
    assertThat(appIn(answer, away).get("maintenance").asBoolean()).isTrue();
    assertThat(appIn(answer, away).get("maintenance_page_url").asText()).endsWith("/away.html");
    assertThat(appIn(answer, rolledBack).get("blank").asBoolean()).isTrue();
    assertThat(answered.headers().firstValue("Content-Type"))
        .as("the JSON type asked for, as before")
        .hasValue("application/vnd.heroku+json;version=3");
    assertThat(answered.text())
        .as("every app, field for field, in the order the per-app reads gave them")
        .isEqualTo(
            json.writeValueAsString(new RouteTable(answer.get("revision").asLong(), perApp)));
  }

  @Test
  void readingTheRoutesTakesAsManyStatementsWithMoreApps() {
    CountingDataSource counting = new CountingDataSource(dataSource);
    RouteTableQuery query = new RouteTableQuery(new JdbcTemplate(counting), settings);
    servedApp(newUser());
    int appsBefore = query.read(1).apps().size();
    int before = counting.take();

    Http user = newUser();
    for (int i = 0; i < 3; i++) {
      String app = servedApp(user);
      user.post("/apps/" + app + "/domains", Map.of("hostname", "www." + app + ".example.com"));
    }
    counting.take();
    RouteTable after = query.read(1);
    int statements = counting.take();

    assertThat(after.apps()).hasSizeGreaterThanOrEqualTo(appsBefore + 3);
    assertThat(statements).isEqualTo(before).isEqualTo(2);
  }

  /**
   * Deployed, web=2, with the dyno manager's report of two web dynos and a worker; answers its
   * name.
   */
  private String servedApp(Http user) {
    String app = newApp(user, "served");
    deploy(user, app, Map.of("web", "node server.js", "worker", "node worker.js"));
    ok(user.patch("/apps/" + app + "/formation/web", Map.of("quantity", 2)));
    ok(
        component()
            .put(
                "/internal/apps/" + app + "/dynos",
                List.of(
                    dyno("web.2", "web", "starting", null, false),
                    dyno("web.1", "web", "up", "172.17.0.5:5000", true),
                    dyno("worker.1", "worker", "up", null, false))));
    return app;
  }

  private static Map<String, Object> dyno(
      String name, String type, String state, String address, boolean routable) {
    Map<String, Object> d = new HashMap<>();
    d.put("name", name);
    d.put("type", type);
    d.put("state", state);
    d.put("command", "node server.js");
    d.put("size", "standard-1X");
    d.put("release_version", 2);
    d.put("address", address);
    d.put("routable", routable);
    return d;
  }

  private static JsonNode appIn(JsonNode table, String app) {
    for (JsonNode a : table.get("apps")) if (a.get("name").asText().equals(app)) return a;
    throw new AssertionError(app + " is not in the route table");
  }
}
