package dev.hoist.api.dyno;

import dev.hoist.api.app.App;
import dev.hoist.api.app.AppAccess;
import dev.hoist.api.app.AppRepository;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.web.ApiException;
import java.time.Instant;
import java.util.HashSet;
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

  DynoController(AppAccess access, AppRepository apps, DynoRepository dynos) {
    this.access = access;
    this.apps = apps;
    this.dynos = dynos;
  }

  @GetMapping("/apps/{app}/dynos")
  @Transactional(readOnly = true)
  List<DynoView> list(Caller caller, @PathVariable String app) {
    App found = access.visible(caller, app);
    return dynos.findByAppIdOrderByName(found.id()).stream().map(d -> DynoView.of(found, d)).toList();
  }

  @PutMapping("/internal/apps/{app}/dynos")
  @Transactional
  List<DynoView> report(@PathVariable String app, @RequestBody List<DynoReport> observed) {
    App found = apps.findByName(app).orElseThrow(() -> ApiException.notFound("app '" + app + "' does not exist"));
    Set<String> names = new HashSet<>();
    for (DynoReport r : observed) {
      r.check();
      if (!names.add(r.name())) throw ApiException.invalid("dyno " + r.name() + " is reported twice");
    }
    Map<String, Dyno> known = dynos.findByAppIdOrderByName(found.id()).stream()
        .collect(Collectors.toMap(Dyno::name, Function.identity()));
    for (DynoReport r : observed) {
      Dyno d = known.remove(r.name());
      if (d == null) dynos.save(new Dyno(found.id(), r));
      else d.update(r);
    }
    dynos.deleteAll(known.values());
    dynos.flush();
    return dynos.findByAppIdOrderByName(found.id()).stream().map(d -> DynoView.of(found, d)).toList();
  }

  record AppRef(UUID id, String name) {}

  record ReleaseRef(Integer version) {}

  record DynoView(UUID id, String name, String type, String state, String command, String size,
      ReleaseRef release, AppRef app, Instant createdAt, Instant updatedAt) {
    static DynoView of(App app, Dyno d) {
      return new DynoView(d.id(), d.name(), d.type(), d.state(), d.command(), d.size(),
          new ReleaseRef(d.releaseVersion()), new AppRef(app.id(), app.name()), d.createdAt(), d.updatedAt());
    }
  }
}
