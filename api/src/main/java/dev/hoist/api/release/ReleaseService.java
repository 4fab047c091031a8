package dev.hoist.api.release;

import dev.hoist.api.app.App;
import dev.hoist.api.app.AppRepository;
import dev.hoist.api.auth.AccountRepository;
import dev.hoist.api.auth.AccountService;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.dyno.OneOffDyno;
import dev.hoist.api.dyno.OneOffDynoRepository;
import dev.hoist.api.formation.FormationService;
import dev.hoist.api.log.LogStore;
import dev.hoist.api.slug.Slug;
import dev.hoist.api.slug.SlugService;
import dev.hoist.api.state.RoutesRevision;
import dev.hoist.api.state.StateRevision;
import dev.hoist.api.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes releases. Every release is numbered under a lock on its app's row, so concurrent deploys
 * and config changes get distinct, gap-free versions; every release bumps the desired-state
 * revision.
 */
@Service
public class ReleaseService {
  private final ReleaseRepository releases;
  private final AppRepository apps;
  private final CurrentRelease current;
  private final SlugService slugs;
  private final FormationService formation;
  private final StateRevision revision;
  private final RoutesRevision routes;
  private final AccountRepository accounts;
  private final LogStore logs;
  private final OneOffDynoRepository oneOffs;
  private final org.springframework.context.ApplicationEventPublisher events;

  ReleaseService(
      ReleaseRepository releases,
      AppRepository apps,
      CurrentRelease current,
      SlugService slugs,
      FormationService formation,
      StateRevision revision,
      RoutesRevision routes,
      AccountRepository accounts,
      LogStore logs,
      OneOffDynoRepository oneOffs,
      org.springframework.context.ApplicationEventPublisher events) {
    this.routes = routes;
    this.oneOffs = oneOffs;
    this.events = events;
    this.accounts = accounts;
    this.logs = logs;
    this.releases = releases;
    this.apps = apps;
    this.current = current;
    this.slugs = slugs;
    this.formation = formation;
    this.revision = revision;
  }

  /** v1 of a new app: no slug, no config. */
  @Transactional
  public Release initial(App app, UUID userId) {
    return next(app, "Initial release", null, Map.of(), userId);
  }

  /** A deploy: the slug with the app's current config. */
  @Transactional
  public Release deploy(App app, String slugId, String description, Caller caller) {
    Slug slug = slugs.get(app, slugId);
    if (!slug.isUploaded()) {
      throw ApiException.invalid(
          "slug " + slug.id() + " has no archive yet: PUT it to the slug's blob URL first");
    }
    String text =
        description != null && !description.isBlank()
            ? description
            : "Deploy "
                + (slug.commit() == null
                    ? slug.id().toString().substring(0, 8)
                    : shortSha(slug.commit()));
    if (text.length() > 500)
      throw ApiException.invalid("description is longer than 500 characters");
    Release release = next(app, text, slug.id(), app.config(), caller.id());
    formation.onDeploy(app, slug);
    return release;
  }

  /** The app's config changed: same slug, new config. */
  @Transactional
  public Release configChanged(App app, String description, UUID userId) {
    UUID slugId = current.of(app.id()).map(Release::slugId).orElse(null);
    return next(app, description, slugId, app.config(), userId);
  }

  /** Rollback: a new release with an older release's slug and config; the app's config follows. */
  @Transactional
  public Release rollback(App app, String target, Caller caller) {
    Release old = find(app, target);
    if (!Release.SUCCEEDED.equals(old.status())) {
      throw ApiException.invalid(
          "v" + old.version() + " did not succeed and cannot be rolled back to");
    }
    app.replaceConfig(old.config());
    return next(app, "Rollback to v" + old.version(), old.slugId(), old.config(), caller.id());
  }

  @Transactional(readOnly = true)
  public Release find(App app, String idOrVersion) {
    String v = idOrVersion.startsWith("v") ? idOrVersion.substring(1) : idOrVersion;
    if (v.matches("\\d{1,9}")) {
      return releases
          .findByAppIdAndVersion(app.id(), Integer.parseInt(v))
          .orElseThrow(
              () -> ApiException.notFound("release v" + v + " does not exist in " + app.name()));
    }
    return AccountService.asUuid(idOrVersion)
        .flatMap(releases::findById)
        .filter(r -> r.appId().equals(app.id()))
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "release " + idOrVersion + " does not exist in " + app.name()));
  }

  @Transactional(readOnly = true)
  public List<Release> all(App app) {
    return releases.findByAppIdOrderByVersion(app.id());
  }

  /**
   * Numbers and saves a release. When its slug declares a {@code release} process, the release
   * waits ({@code pending}) for its release phase: a one-off dyno of the new slug and config; the
   * current release keeps serving until that phase succeeds.
   */
  private Release next(
      App app, String description, UUID slugId, Map<String, String> config, UUID userId) {
    App locked =
        apps.lock(app.id())
            .orElseThrow(() -> ApiException.notFound("app " + app.name() + " is gone"));
    int version = releases.maxVersion(locked.id()) + 1;
    String phase = slugId == null ? null : slugs.byId(slugId).processTypes().get(ReleasePhase.TYPE);
    Release release =
        releases.save(
            new Release(
                locked.id(),
                version,
                description,
                slugId,
                config,
                userId,
                phase == null ? Release.SUCCEEDED : Release.PENDING));
    if (phase != null) {
      oneOffs.save(OneOffDyno.releasePhase(locked.id(), version, phase, Map.of()));
      logs.platform(
          locked.id(),
          "api",
          "Release v" + version + " is waiting for its release phase: " + phase);
    }
    locked.released();
    revision.bump();
    routes.bump(); // the route table's "blank" (nothing deployed) follows the live release
    String by =
        userId == null ? "" : accounts.findById(userId).map(a -> " by " + a.email()).orElse("");
    logs.platform(locked.id(), "api", description + by);
    logs.platform(locked.id(), "api", "Release v" + version + " created" + by);
    return release;
  }

  /** A release phase ended (its one-off exited): the release goes live, or fails and never does. */
  @Transactional
  public void releasePhaseEnded(App app, int version, int exitStatus) {
    Release release = releases.findByAppIdAndVersion(app.id(), version).orElse(null);
    if (release == null || !Release.PENDING.equals(release.status())) return;
    boolean ok = exitStatus == 0;
    release.phaseEnded(ok);
    revision.bump();
    if (ok) routes.bump(); // the release goes live: its slug may end "blank"
    logs.platform(
        app.id(),
        "api",
        ok
            ? "Release v" + version + " release phase succeeded; deploying"
            : "Release v"
                + version
                + " release phase failed with status "
                + exitStatus
                + "; v"
                + version
                + " was not deployed");
    events.publishEvent(new ReleasePhase.Ended(app.id(), release.id(), version, ok, exitStatus));
  }

  private static String shortSha(String commit) {
    return commit.length() > 7 ? commit.substring(0, 7) : commit;
  }
}
