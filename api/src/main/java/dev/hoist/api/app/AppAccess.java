package dev.hoist.api.app;

import dev.hoist.api.auth.AccountService;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.collaborator.CollaboratorRepository;
import dev.hoist.api.web.ApiException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a caller may see an app, and change it. An app the caller
 * neither owns nor collaborates on answers exactly as an app that does not exist, so names never
 * leak; a platform app the caller may see but not change answers 403.
 */
@Component
public class AppAccess {
  private final AppRepository apps;
  private final CollaboratorRepository collaborators;

  AppAccess(AppRepository apps, CollaboratorRepository collaborators) {
    this.apps = apps;
    this.collaborators = collaborators;
  }

  /**
   * The app named (or with this id), if the caller may see it; else 404. Call inside a transaction.
   */
  public App visible(Caller caller, String idOrName) {
    Optional<App> app =
        AccountService.asUuid(idOrName).flatMap(apps::findById).or(() -> apps.findByName(idOrName));
    return app.filter(a -> mayAccess(caller, a))
        .orElseThrow(() -> ApiException.notFound("app '" + idOrName + "' does not exist"));
  }

  /**
   * As {@link #visible}, and the caller may change it: a platform app only the admin may change
   * (403 for anyone else, collaborators included). Every call that changes an app, or reads its
   * config (a platform app's holds the component token), goes through here.
   */
  public App changeable(Caller caller, String idOrName) {
    App app = visible(caller, idOrName);
    PlatformApps.requireAdmin(caller, app);
    return app;
  }

  /** As {@link #changeable}, and the caller must own it (403 for a collaborator). */
  public App owned(Caller caller, String idOrName) {
    App app = changeable(caller, idOrName);
    if (!app.ownerId().equals(caller.id())) {
      throw ApiException.forbidden("only the owner of " + app.name() + " may do that");
    }
    return app;
  }

  public boolean mayAccess(Caller caller, App app) {
    return app.ownerId().equals(caller.id())
        || collaborators.existsByAppIdAndAccountId(app.id(), caller.id());
  }
}
