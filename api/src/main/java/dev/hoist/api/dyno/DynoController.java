package dev.hoist.api.dyno;

import dev.hoist.api.app.App;
import dev.hoist.api.app.AppAccess;
import dev.hoist.api.auth.Caller;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /apps/{app}/dynos}: the dynos as the dyno manager last reported them (see {@link
 * DynoInternalController}).
 */
@RestController
class DynoController {
  private final AppAccess access;
  private final DynoRepository dynos;

  DynoController(AppAccess access, DynoRepository dynos) {
    this.access = access;
    this.dynos = dynos;
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
    return newest.values().stream()
        .sorted(Comparator.comparing(Dyno::type).thenComparing(DynoController::number))
        .map(d -> DynoView.of(found, d))
        .toList();
  }

  private static int version(Dyno d) {
    return d.releaseVersion() == null ? 0 : d.releaseVersion();
  }

  private static int number(Dyno d) {
    String n = d.name().substring(d.name().lastIndexOf('.') + 1);
    return Integer.parseInt(n);
  }
}
