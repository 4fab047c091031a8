package dev.hoist.api.dyno;

import dev.hoist.api.app.App;
import dev.hoist.api.app.AppRepository;
import dev.hoist.api.state.RoutesRevision;
import dev.hoist.api.web.ApiException;
import dev.hoist.internal.dynos.DynoReport;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dyno manager's side (component token): {@code PUT /internal/apps/{app}/dynos} sends the whole
 * observed list of an app each time (a level, not a stream of events), and {@code POST
 * /internal/apps/{app}/one-offs/{name}/exit} says that a one-off ended.
 */
@RestController
class DynoInternalController {
  private final AppRepository apps;
  private final DynoRepository dynos;
  private final DynoCommands commands;
  private final RoutesRevision routes;

  DynoInternalController(
      AppRepository apps, DynoRepository dynos, DynoCommands commands, RoutesRevision routes) {
    this.apps = apps;
    this.dynos = dynos;
    this.commands = commands;
    this.routes = routes;
  }

  @PutMapping("/internal/apps/{app}/dynos")
  @Transactional
  List<DynoView> report(@PathVariable String app, @RequestBody List<DynoReport> observed) {
    App found = appNamed(app);
    Set<String> keys = new HashSet<>();
    for (DynoReport r : observed) {
      if (r == null) throw ApiException.invalid("a dyno report is null");
      DynoReports.check(r);
      if (!keys.add(DynoReports.key(r))) {
        throw ApiException.invalid("dyno " + DynoReports.key(r) + " is reported twice");
      }
    }
    List<Dyno> before = dynos.findByAppIdOrderByName(found.id());
    String routingBefore = routing(before);
    Map<String, Dyno> known =
        before.stream()
            .collect(
                Collectors.toMap(d -> d.name() + "@" + d.releaseVersion(), Function.identity()));
    for (DynoReport r : observed) {
      Dyno d = known.remove(DynoReports.key(r));
      if (d == null) dynos.save(new Dyno(found.id(), r));
      else d.update(r);
    }
    dynos.deleteAll(known.values());
    dynos.flush();
    List<Dyno> after = dynos.findByAppIdOrderByName(found.id());
    if (!routing(after).equals(routingBefore)) routes.bump();
    return after.stream().map(d -> DynoView.of(found, d)).toList();
  }

  record Exit(Integer status) {}

  @PostMapping("/internal/apps/{app}/one-offs/{name}/exit")
  @Transactional
  Map<String, Object> exited(
      @PathVariable String app, @PathVariable String name, @RequestBody Exit body) {
    return Map.of("finished", commands.finish(appNamed(app), name, body.status()));
  }

  private static String routing(List<Dyno> list) {
    return list.stream().map(Dyno::routing).sorted().collect(Collectors.joining(","));
  }

  private App appNamed(String app) {
    return apps.findByName(app)
        .orElseThrow(() -> ApiException.notFound("app '" + app + "' does not exist"));
  }
}
