package dev.hoist.api.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.api.auth.Account;
import dev.hoist.api.auth.AccountRepository;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.blob.BlobSigner;
import dev.hoist.api.formation.FormationService;
import dev.hoist.api.release.CurrentRelease;
import dev.hoist.api.release.Release;
import dev.hoist.api.release.ReleaseService;
import dev.hoist.api.slug.Slug;
import dev.hoist.api.slug.SlugService;
import dev.hoist.api.state.StateRevision;
import dev.hoist.api.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Platform apps (component token): the seed makes sure each part ({@code hoist-builder}, {@code
 * hoist-api}, {@code hoist-router}, {@code hoist-gateway}) exists, owned by the admin and marked
 * platform, on its stack image, with its config and its platform-only {@link DynoOptions}, and
 * deploys its hand-packed first slug. After that the admin runs it like any app ({@code hoist
 * ps:scale worker=3 -a hoist-builder}), within what {@link PlatformApps} spares it.
 */
@RestController
class PlatformAppInternalController {
  private final AppRepository apps;
  private final AppService appService;
  private final AccountRepository accounts;
  private final ReleaseService releases;
  private final CurrentRelease current;
  private final SlugService slugs;
  private final FormationService formation;
  private final BlobSigner signer;
  private final StateRevision revision;

  PlatformAppInternalController(
      AppRepository apps,
      AppService appService,
      AccountRepository accounts,
      ReleaseService releases,
      CurrentRelease current,
      SlugService slugs,
      FormationService formation,
      BlobSigner signer,
      StateRevision revision) {
    this.revision = revision;
    this.apps = apps;
    this.appService = appService;
    this.accounts = accounts;
    this.releases = releases;
    this.current = current;
    this.slugs = slugs;
    this.formation = formation;
    this.signer = signer;
  }

  /** {@code dyno_options} replaces the app's; null or absent means none. */
  record Ensure(String stackImage, Map<String, String> config, DynoOptions dynoOptions) {}

  /**
   * Creates or updates a platform app; answers whether it has a deployed slug, and that slug's
   * commit. The name and the options are checked before anything changes.
   */
  @PutMapping("/internal/platform-apps/{name}")
  @Transactional
  Map<String, Object> ensure(@PathVariable String name, @RequestBody Ensure body) {
    if (!name.startsWith(PlatformApps.PREFIX))
      throw ApiException.invalid(
          "a platform app's name starts with " + PlatformApps.PREFIX + ", not '" + name + "'");
    App.checkName(name);
    DynoOptions options = DynoOptions.checked(body.dynoOptions());
    Caller admin = admin();
    App app = apps.findByName(name).orElseGet(() -> appService.create(admin, name));
    if (!app.ownerId().equals(admin.id()))
      throw ApiException.conflict(name + " exists and is not the admin's");
    boolean moved = !Objects.equals(app.stackImage(), body.stackImage());
    app.runOn(body.stackImage());
    if (app.becomePlatform(options) || moved) revision.bump();
    if (body.config() != null) {
      Map<String, String> merged = new TreeMap<>(app.config());
      merged.putAll(body.config());
      if (!merged.equals(app.config())) {
        app.replaceConfig(merged);
        releases.configChanged(app, "Set platform config vars", admin.id());
      }
    }
    String commit =
        current.slugOf(app.id()).map(s -> s.commit() == null ? "" : s.commit()).orElse("");
    return Map.of(
        "name", app.name(), "deployed", current.slugOf(app.id()).isPresent(), "commit", commit);
  }

  record NewSlug(Map<String, String> processTypes, String commit) {}

  @PostMapping("/internal/platform-apps/{name}/slugs")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  Map<String, Object> slug(@PathVariable String name, @RequestBody NewSlug body) {
    Slug slug =
        slugs.create(app(name), body.processTypes(), null, body.commit(), "packed by the seed");
    return Map.of("id", slug.id(), "put_url", signer.url("PUT", slug.blobKey()));
  }

  record Deploy(String slug, int quantity, String type, String size) {}

  /**
   * Releases the uploaded slug and, when {@code quantity} is above 0, scales {@code type} to it.
   */
  @PostMapping("/internal/platform-apps/{name}/deploy")
  @Transactional
  Map<String, Object> deploy(@PathVariable String name, @RequestBody Deploy body) {
    App app = app(name);
    Release release =
        releases.deploy(app, body.slug(), "Seed: first slug, packed by hand", admin());
    if (body.quantity() > 0) { // 0 on a re-pack: the operator's scale stays as it is
      ObjectNode quantity = JsonNodeFactory.instance.objectNode().put("q", body.quantity());
      formation.update(
          app,
          List.of(new FormationService.Update(body.type(), quantity.get("q"), body.size(), null)));
    }
    return Map.of("version", release.version());
  }

  private App app(String name) {
    return apps.findByName(name)
        .filter(App::platform)
        .orElseThrow(() -> ApiException.notFound("platform app " + name + " does not exist"));
  }

  private Caller admin() {
    Account admin =
        accounts.findAll().stream()
            .filter(Account::admin)
            .findFirst()
            .orElseThrow(() -> ApiException.conflict("there is no admin account yet"));
    return Caller.of(admin);
  }
}
