package dev.hoist.api.formation;

import dev.hoist.api.app.App;
import dev.hoist.api.app.AppAccess;
import dev.hoist.api.app.AppRef;
import dev.hoist.api.auth.Caller;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /apps/{app}/formation} and {@code /dyno-sizes}. */
@RestController
class FormationController {
  private final AppAccess access;
  private final FormationService formation;

  FormationController(AppAccess access, FormationService formation) {
    this.access = access;
    this.formation = formation;
  }

  @GetMapping("/apps/{app}/formation")
  @Transactional(readOnly = true)
  List<FormationView> list(Caller caller, @PathVariable String app) {
    App found = access.visible(caller, app);
    return formation.list(found).stream().map(e -> FormationView.of(found, e)).toList();
  }

  @GetMapping("/apps/{app}/formation/{type}")
  @Transactional(readOnly = true)
  FormationView info(Caller caller, @PathVariable String app, @PathVariable String type) {
    App found = access.visible(caller, app);
    return FormationView.of(found, formation.get(found, type));
  }

  @PatchMapping("/apps/{app}/formation")
  @Transactional
  List<FormationView> batch(Caller caller, @PathVariable String app, @RequestBody Batch body) {
    App found = access.changeable(caller, app);
    return formation.update(found, body.updates()).stream()
        .map(e -> FormationView.of(found, e))
        .toList();
  }

  @PatchMapping("/apps/{app}/formation/{type}")
  @Transactional
  FormationView one(
      Caller caller, @PathVariable String app, @PathVariable String type, @RequestBody One body) {
    App found = access.changeable(caller, app);
    formation.update(
        found,
        List.of(new FormationService.Update(type, body.quantity(), body.size(), body.dynoSize())));
    return FormationView.of(found, formation.get(found, type));
  }

  @GetMapping("/dyno-sizes")
  List<SizeView> sizes() {
    return Arrays.stream(DynoSize.values())
        .map(s -> new SizeView(s.label(), s.memoryMb() / 1024.0, s.pids()))
        .toList();
  }

  record Batch(List<FormationService.Update> updates) {}

  record One(
      com.fasterxml.jackson.databind.JsonNode quantity,
      String size,
      FormationService.SizeRef dynoSize) {}

  record SizeRef(String name) {}

  record SizeView(String name, double memory, int pids) {}

  record FormationView(
      UUID id,
      AppRef app,
      String type,
      String command,
      int quantity,
      String size,
      SizeRef dynoSize,
      Instant createdAt,
      Instant updatedAt) {
    static FormationView of(App app, FormationService.Entry e) {
      Formation f = e.formation();
      return new FormationView(
          f.id(),
          AppRef.of(app),
          f.type(),
          e.command(),
          f.quantity(),
          f.size().label(),
          new SizeRef(f.size().label()),
          f.createdAt(),
          f.updatedAt());
    }
  }
}
