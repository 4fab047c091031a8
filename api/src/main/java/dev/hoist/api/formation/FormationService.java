package dev.hoist.api.formation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.app.App;
import dev.hoist.api.app.PlatformApps;
import dev.hoist.api.log.LogStore;
import dev.hoist.api.release.CurrentRelease;
import dev.hoist.api.slug.Slug;
import dev.hoist.api.state.RoutesRevision;
import dev.hoist.api.state.StateRevision;
import dev.hoist.api.web.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scaling. A batch of updates is checked whole and applied in one transaction: one bad update
 * changes nothing. Once the app has a slug, only its process types can be scaled; before the first
 * deploy any well-formed type is kept, so {@code ps:scale} can be set up ahead of the first push. A
 * running process type of a platform app is never scaled to none ({@link PlatformApps}).
 */
@Service
public class FormationService {
  private static final Pattern QUANTITY = Pattern.compile("^([+-]?)(\\d{1,4})$");

  private final FormationRepository formations;
  private final CurrentRelease current;
  private final StateRevision revision;
  private final RoutesRevision routes;
  private final LogStore logs;

  FormationService(
      FormationRepository formations,
      CurrentRelease current,
      StateRevision revision,
      RoutesRevision routes,
      LogStore logs) {
    this.logs = logs;
    this.formations = formations;
    this.current = current;
    this.revision = revision;
    this.routes = routes;
  }

  public record Update(String type, JsonNode quantity, String size, SizeRef dynoSize) {}

  public record SizeRef(String name) {}

  /**
   * A formation row with the command its type runs in the current release (null before a deploy).
   */
  public record Entry(Formation formation, String command) {}

  @Transactional(readOnly = true)
  public List<Entry> list(App app) {
    Map<String, String> types = processTypes(app).orElse(Map.of());
    return formations.findByAppIdOrderByType(app.id()).stream()
        .map(f -> new Entry(f, types.get(f.type())))
        .toList();
  }

  @Transactional(readOnly = true)
  public Entry get(App app, String type) {
    Formation f =
        formations
            .findByAppIdAndType(app.id(), type)
            .orElseThrow(
                () -> ApiException.notFound("no process type " + type + " in " + app.name()));
    return new Entry(f, processTypes(app).map(t -> t.get(type)).orElse(null));
  }

  @Transactional
  public List<Entry> update(App app, List<Update> updates) {
    if (updates == null || updates.isEmpty())
      throw ApiException.invalid("updates must list at least one change");
    Optional<Map<String, String>> types = processTypes(app);
    Set<String> seen = new HashSet<>();
    for (Update u : updates) {
      if (u == null || u.type() == null || u.type().isBlank())
        throw ApiException.invalid("each update needs a type");
      if (!seen.add(u.type()))
        throw ApiException.invalid("type " + u.type() + " appears twice in one request");
      if (absent(u.quantity()) && u.size() == null && u.dynoSize() == null) {
        throw ApiException.invalid(
            "the update of " + u.type() + " changes neither quantity nor size");
      }
      if (types.isPresent() && !types.get().containsKey(u.type())) {
        throw ApiException.notFound(
            "no process type "
                + u.type()
                + " in "
                + app.name()
                + "'s current release; it has "
                + String.join(", ", types.get().keySet()));
      }
      if (app.platform() && !absent(u.quantity())) {
        int now =
            formations.findByAppIdAndType(app.id(), u.type()).map(Formation::quantity).orElse(0);
        PlatformApps.checkScale(app, u.type(), now, quantity(u.type(), u.quantity(), now));
      }
    }
    for (Update u : updates) apply(app, u);
    revision.bump();
    routes.bump();
    List<Entry> now = list(app);
    logs.platform(
        app.id(),
        "api",
        "Scaled to "
            + now.stream()
                .map(
                    e ->
                        e.formation().type()
                            + "@"
                            + e.formation().quantity()
                            + ":"
                            + e.formation().size().label())
                .collect(java.util.stream.Collectors.joining(" ")));
    return now;
  }

  private void apply(App app, Update u) {
    Optional<Formation> existing = formations.findByAppIdAndType(app.id(), u.type());
    int now = existing.map(Formation::quantity).orElse(0);
    int quantity = absent(u.quantity()) ? now : quantity(u.type(), u.quantity(), now);
    DynoSize size = sizeOf(u).orElse(existing.map(Formation::size).orElse(DynoSize.DEFAULT));
    if (existing.isPresent()) existing.get().scale(quantity, size);
    else formations.save(new Formation(app.id(), u.type(), quantity, size));
  }

  private static Optional<DynoSize> sizeOf(Update u) {
    if (u.size() != null && u.dynoSize() != null)
      throw ApiException.invalid("give size or dyno_size, not both");
    if (u.size() != null) return Optional.of(DynoSize.parse(u.size()));
    if (u.dynoSize() != null) return Optional.of(DynoSize.parse(u.dynoSize().name()));
    return Optional.empty();
  }

  /** A field left out and a field sent as JSON {@code null} mean the same: no change. */
  private static boolean absent(JsonNode node) {
    return node == null || node.isNull();
  }

  /** A number, a numeric string, or a relative "+1" / "-2" applied to the current quantity. */
  static int quantity(String type, JsonNode node, int now) {
    if (node.isInt()) return node.intValue();
    if (node.isTextual()) {
      var m = QUANTITY.matcher(node.textValue().trim());
      if (m.matches()) {
        int n = Integer.parseInt(m.group(2));
        return switch (m.group(1)) {
          case "+" -> now + n;
          case "-" -> now - n;
          default -> n;
        };
      }
    }
    throw ApiException.invalid(
        "quantity of " + type + " must be a whole number like 2, \"2\", \"+1\" or \"-1\"");
  }

  /**
   * On a deploy: a slug with a {@code web} process and an app with no web formation yet gets one
   * web dyno, as Heroku does on the first deploy. Other types start at zero.
   */
  @Transactional
  public void onDeploy(App app, Slug slug) {
    for (String type : slug.processTypes().keySet()) {
      if (type.equals("release")) continue; // the release phase is not a formation type
      if (formations.findByAppIdAndType(app.id(), type).isEmpty()) {
        formations.save(
            new Formation(app.id(), type, type.equals("web") ? 1 : 0, DynoSize.DEFAULT));
      }
    }
    routes.bump();
  }

  private Optional<Map<String, String>> processTypes(App app) {
    return current.slugOf(app.id()).map(Slug::processTypes);
  }
}
