package dev.hoist.router.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reads the api's {@code /internal/routes} answer (docs/internal-api.md, "Routes — for the router"). */
public final class RouteJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RouteJson() {}

  /** @throws IllegalArgumentException when the text is not a route table */
  public static RouteTable parse(String json, String appsDomain) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("route table is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.path("revision").canConvertToLong() || !root.path("apps").isArray()) {
      throw new IllegalArgumentException("route table needs a revision and an apps array");
    }
    List<AppRoute> apps = new ArrayList<>();
    for (JsonNode app : root.get("apps")) {
      List<String> hosts = new ArrayList<>();
      app.path("hosts").forEach(h -> hosts.add(h.asText()));
      List<Dyno> dynos = new ArrayList<>();
      for (JsonNode d : app.path("dynos")) {
        String address = d.hasNonNull("address") ? d.get("address").asText() : null;
        dynos.add(Dyno.of(d.path("name").asText(), address, d.path("state").asText(),
            d.path("routable").asBoolean(false)));
      }
      CustomPages pages = CustomPages.of(text(app, "error_page_url"), text(app, "maintenance_page_url"));
      apps.add(AppRoute.of(app.path("name").asText(), hosts, app.path("maintenance").asBoolean(false),
          app.path("blank").asBoolean(false), pages, dynos));
    }
    return new RouteTable(root.get("revision").asLong(), apps, appsDomain);
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
