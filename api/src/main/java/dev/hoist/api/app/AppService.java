package dev.hoist.api.app;

import dev.hoist.api.auth.Caller;
import dev.hoist.api.log.LogStore;
import dev.hoist.api.release.ReleaseService;
import dev.hoist.api.slug.Slug;
import dev.hoist.api.slug.SlugRepository;
import dev.hoist.api.slug.SlugService;
import dev.hoist.api.state.RoutesRevision;
import dev.hoist.api.state.StateRevision;
import dev.hoist.api.web.ApiException;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creating, renaming and deleting apps. Each is one transaction and bumps the desired-state
 * revision. A platform app is never renamed nor deleted ({@link PlatformApps}).
 */
@Service
public class AppService {
  private static final Logger log = LoggerFactory.getLogger(AppService.class);

  private final AppRepository apps;
  private final ReleaseService releases;
  private final SlugRepository slugs;
  private final SlugService slugService;
  private final StateRevision revision;
  private final RoutesRevision routes;
  private final LogStore logs;

  AppService(
      AppRepository apps,
      ReleaseService releases,
      SlugRepository slugs,
      SlugService slugService,
      StateRevision revision,
      RoutesRevision routes,
      LogStore logs) {
    this.logs = logs;
    this.apps = apps;
    this.releases = releases;
    this.slugs = slugs;
    this.slugService = slugService;
    this.revision = revision;
    this.routes = routes;
  }

  /** A new app named {@code name} (or a generated name), with release v1. */
  @Transactional
  public App create(Caller caller, String name) {
    String chosen = name == null ? freeName() : App.checkName(name);
    if (apps.existsByName(chosen))
      throw ApiException.conflict("the name " + chosen + " is already taken");
    App app = apps.save(new App(chosen, caller.id()));
    releases.initial(app, caller.id());
    routes.bump();
    return app;
  }

  private String freeName() {
    for (int i = 0; i < 20; i++) {
      String candidate = AppNames.generate();
      if (!apps.existsByName(candidate)) return candidate;
    }
    throw new IllegalStateException("no free generated name after 20 tries");
  }

  @Transactional
  public App rename(App app, String newName) {
    if (newName == null) throw ApiException.invalid("name is required");
    if (newName.equals(app.name())) return app;
    PlatformApps.checkRename(app);
    App.checkName(newName);
    if (apps.existsByName(newName))
      throw ApiException.conflict("the name " + newName + " is already taken");
    app.rename(newName);
    revision.bump();
    routes.bump();
    return app;
  }

  /**
   * Turns maintenance mode on or off: while on, the router answers every request with a 503
   * maintenance page (H80) and the dynos keep running, so turning it off serves again at once. The
   * routes revision moves only when the mode changed.
   */
  @Transactional
  public App maintenance(App app, boolean on, Caller caller) {
    if (app.maintenance(on)) {
      routes.bump();
      afterCommit(
          () ->
              logs.platform(
                  app.id(),
                  "api",
                  (on ? "Enable" : "Disable") + " maintenance mode by " + caller.email()));
    }
    return app;
  }

  /**
   * Deletes the app and, through the schema's cascades, everything it owns. Slug archives are
   * removed only after the rows are gone for good, so a failed delete loses nothing.
   */
  @Transactional
  public void delete(App app) {
    PlatformApps.checkDestroy(app);
    List<String> archives = slugs.findByAppId(app.id()).stream().map(Slug::blobKey).toList();
    apps.delete(app);
    apps.flush();
    revision.bump();
    routes.bump();
    afterCommit(
        () -> {
          logs.forget(app.id());
          try {
            slugService.deleteArchives(archives);
          } catch (IOException e) {
            log.warn(
                "could not remove the slug archives of deleted app {}: {}",
                app.name(),
                e.toString());
          }
        });
  }

  /**
   * Runs {@code action} once the caller's transaction commits: nothing outside the database happens
   * for a change that is rolled back.
   */
  private static void afterCommit(Runnable action) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            action.run();
          }
        });
  }
}
