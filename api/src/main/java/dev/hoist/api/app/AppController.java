package dev.hoist.api.app;

import dev.hoist.api.ApiSettings;
import dev.hoist.api.auth.Account;
import dev.hoist.api.auth.AccountService;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.web.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /apps}: list the caller's, create, info, rename (owner), delete (owner). A platform app is
 * changed by the admin only, and never renamed nor deleted.
 */
@RestController
class AppController {
  private final AppService apps;
  private final AppRepository repository;
  private final AppAccess access;
  private final AccountService accounts;
  private final ApiSettings settings;

  AppController(
      AppService apps,
      AppRepository repository,
      AppAccess access,
      AccountService accounts,
      ApiSettings settings) {
    this.apps = apps;
    this.repository = repository;
    this.access = access;
    this.accounts = accounts;
    this.settings = settings;
  }

  @GetMapping("/apps")
  @Transactional(readOnly = true)
  List<AppView> list(Caller caller) {
    return repository.visibleTo(caller.id()).stream().map(this::view).toList();
  }

  @PostMapping("/apps")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  AppView create(Caller caller, @RequestBody(required = false) CreateApp body) {
    return view(apps.create(caller, body == null ? null : body.name()));
  }

  @GetMapping("/apps/{app}")
  @Transactional(readOnly = true)
  AppView info(Caller caller, @PathVariable String app) {
    return view(access.visible(caller, app));
  }

  /**
   * Renames (owner only) and turns maintenance mode on or off (any collaborator), as Heroku's PATCH
   * does. Everything is checked before anything changes: a body with neither field, or a rename the
   * caller may not make, changes nothing.
   */
  @PatchMapping("/apps/{app}")
  @Transactional
  AppView update(Caller caller, @PathVariable String app, @RequestBody UpdateApp body) {
    if (body == null || (body.name() == null && body.maintenance() == null)) {
      throw ApiException.invalid("nothing to change: give name, maintenance or both");
    }
    App found = body.name() != null ? access.owned(caller, app) : access.changeable(caller, app);
    if (body.name() != null)
      apps.rename(found, body.name()); // throws before maintenance is touched
    if (body.maintenance() != null) apps.maintenance(found, body.maintenance(), caller);
    return view(found);
  }

  @DeleteMapping("/apps/{app}")
  @Transactional
  AppView delete(Caller caller, @PathVariable String app) {
    App found = access.owned(caller, app);
    AppView view = view(found);
    apps.delete(found);
    return view;
  }

  private AppView view(App app) {
    Account owner = accounts.get(app.ownerId());
    return new AppView(
        app.id(),
        app.name(),
        new Owner(owner.id(), owner.email()),
        String.format(settings.gitUrl(), app.name()),
        String.format(settings.routerUrl(), app.name()),
        new Stack(settings.stack()),
        app.maintenance(),
        app.createdAt(),
        app.updatedAt(),
        app.releasedAt());
  }

  record CreateApp(String name, String region, String stack) {}

  record UpdateApp(String name, Boolean maintenance) {}

  record Owner(UUID id, String email) {}

  record Stack(String name) {}

  record AppView(
      UUID id,
      String name,
      Owner owner,
      String gitUrl,
      String webUrl,
      Stack stack,
      boolean maintenance,
      Instant createdAt,
      Instant updatedAt,
      Instant releasedAt) {}
}
