package dev.hoist.api.dyno;

import dev.hoist.api.app.AppRef;
import dev.hoist.api.app.App;
import dev.hoist.api.app.AppAccess;
import dev.hoist.api.app.AppRepository;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.state.RoutesRevision;
import dev.hoist.api.web.ApiException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /apps/{app}/dynos} for users; {@code PUT /internal/apps/{app}/dynos} for the dyno manager,
 * which sends the whole observed list of an app each time (a level, not a stream of events).
 */
@RestController
class DynoController {
  private final AppAccess access;
  private final AppRepository apps;
  private final DynoRepository dynos;
  private final RoutesRevision routes;

  DynoController(AppAccess access, AppRepository apps, DynoRepository dynos, RoutesRevision routes) {
    this.access = access;
    this.apps = apps;
    this.dynos = dynos;
    this.routes = routes;
  }

  /** Each dyno name once, at its newest release: as on Heroku, a draining old dyno is not shown. */
  @GetMapping("/apps/{app}/dynos")
  @Transactional(readOnly = true)
  List<DynoView> list(Caller caller, @PathVariable String app) {
    App found = access.visible(caller, app);
    Map<String, Dyno> newest = new LinkedHashMap<>();
    for (Dyno d : dynos.findByAppIdOrderByName(found.id())) {
      newest.merge(d.name(), d, (a, b) -> version(a) >= version(b) ? a : b);
    }
    return newest.values().stream().sorted(Comparator.comparing(Dyno::type).thenComparing(DynoController::number))
        .map(d -> DynoView.of(found, d)).toList();
  }

  @PutMapping("/internal/apps/{app}/dynos")
  @Transactional
  List<DynoView> report(@PathVariable String app, @RequestBody List<DynoReport> observed) {
    App found = apps.findByName(app).orElseThrow(() -> ApiException.notFound("app '" + app + "' does not exist"));
    Set<String> keys = new HashSet<>();
    for (DynoReport r : observed) {
      if (r == null) throw ApiException.invalid("a dyno report is null");
      r.check();
      if (!keys.add(r.key())) throw ApiException.invalid("dyno " + r.key() + " is reported twice");
    }
    List<Dyno> before = dynos.findByAppIdOrderByName(found.id());
    String routingBefore = routing(before);
    Map<String, Dyno> known = before.stream().collect(Collectors.toMap(d -> d.name() + "@" + d.releaseVersion(),
        Function.identity()));
    for (DynoReport r : observed) {
      Dyno d = known.remove(r.key());
      if (d == null) dynos.save(new Dyno(found.id(), r));
      else d.update(r);
    }
    dynos.deleteAll(known.values());
    dynos.flush();
    List<Dyno> after = dynos.findByAppIdOrderByName(found.id());
    if (!routing(after).equals(routingBefore)) routes.bump();
    return after.stream().map(d -> DynoView.of(found, d)).toList();
  }

  private static String routing(List<Dyno> list) {
    return list.stream().map(Dyno::routing).sorted().collect(Collectors.joining(","));
  }

  private static int version(Dyno d) {
    return d.releaseVersion() == null ? 0 : d.releaseVersion();
  }

  private static int number(Dyno d) {
    String n = d.name().substring(d.name().lastIndexOf('.') + 1);
    return Integer.parseInt(n);
  }


  record ReleaseRef(Integer version) {}

  record DynoView(UUID id, String name, String type, String state, String command, String size, Integer exitCode,
      ReleaseRef release, AppRef app, Instant createdAt, Instant updatedAt) {
    static DynoView of(App app, Dyno d) {
      return new DynoView(d.id(), d.name(), d.type(), d.state(), d.command(), d.size(), d.exitCode(),
          new ReleaseRef(d.releaseVersion()), AppRef.of(app), d.createdAt(), d.updatedAt());
    }
  }
}
