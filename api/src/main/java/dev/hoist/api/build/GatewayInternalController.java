package dev.hoist.api.build;

import dev.hoist.api.ApiSettings;
import dev.hoist.api.app.App;
import dev.hoist.api.app.AppAccess;
import dev.hoist.api.app.AppRepository;
import dev.hoist.api.auth.Account;
import dev.hoist.api.auth.AccountService;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.blob.BlobSigner;
import dev.hoist.api.key.SshKeyRepository;
import dev.hoist.api.release.ReleaseRepository;
import dev.hoist.api.web.ApiException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the git gateway asks (component token): whose key is this, may that account push to this
 * app, where do sources and the repository archive go, and start a build on the pusher's behalf.
 */
@RestController
class GatewayInternalController {
  private final SshKeyRepository keys;
  private final AccountService accounts;
  private final AppRepository apps;
  private final AppAccess access;
  private final BuildService builds;
  private final ReleaseRepository releases;
  private final BlobSigner signer;
  private final ApiSettings settings;

  GatewayInternalController(
      SshKeyRepository keys,
      AccountService accounts,
      AppRepository apps,
      AppAccess access,
      BuildService builds,
      ReleaseRepository releases,
      BlobSigner signer,
      ApiSettings settings) {
    this.keys = keys;
    this.accounts = accounts;
    this.apps = apps;
    this.access = access;
    this.builds = builds;
    this.releases = releases;
    this.signer = signer;
    this.settings = settings;
  }

  record AccountRef(UUID id, String email) {}

  record Who(AccountRef account) {}

  @GetMapping("/internal/keys")
  @Transactional(readOnly = true)
  Who key(@RequestParam String fingerprint) {
    Account a =
        keys.findByFingerprint(fingerprint)
            .map(k -> accounts.get(k.accountId()))
            .orElseThrow(() -> ApiException.notFound("no account has that key"));
    return new Who(new AccountRef(a.id(), a.email()));
  }

  record ApiKey(String apiKey) {}

  @PostMapping("/internal/auth")
  Who auth(@RequestBody ApiKey body) {
    Caller c = body.apiKey() == null ? null : accounts.authenticate(body.apiKey()).orElse(null);
    if (c == null) throw ApiException.unauthorized("that API key is not valid");
    return new Who(new AccountRef(c.id(), c.email()));
  }

  @GetMapping("/internal/apps/{app}/access/{account}")
  @Transactional(readOnly = true)
  Map<String, Object> access(@PathVariable String app, @PathVariable UUID account) {
    Account a = accounts.get(account);
    // A push is a deploy: a platform app takes pushes from the admin only (403 for others).
    App found = access.changeable(Caller.of(a), app);
    return Map.of(
        "app",
        Map.of(
            "id",
            found.id(),
            "name",
            found.name(),
            "web_url",
            String.format(settings.routerUrl(), found.name())));
  }

  @PostMapping("/internal/apps/{app}/sources")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, String> source(@PathVariable String app) {
    appNamed(app);
    String key = "sources/" + UUID.randomUUID() + ".tgz";
    return Map.of("get_url", signer.url("GET", key), "put_url", signer.url("PUT", key));
  }

  @GetMapping("/internal/apps/{app}/repo")
  @Transactional(readOnly = true)
  Map<String, String> repo(@PathVariable String app) {
    String key = "repos/" + appNamed(app).id() + ".tgz";
    return Map.of("get_url", signer.url("GET", key), "put_url", signer.url("PUT", key));
  }

  record UserRef(UUID id) {}

  record CreateBuild(BuildController.SourceBlob sourceBlob, UserRef user) {}

  @PostMapping("/internal/apps/{app}/builds")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  BuildView create(@PathVariable String app, @RequestBody CreateBuild body) {
    App found = appNamed(app);
    if (body.sourceBlob() == null) throw ApiException.invalid("source_blob is required");
    Build b =
        builds.create(
            found,
            body.sourceBlob().url(),
            body.sourceBlob().version(),
            body.sourceBlob().versionDescription(),
            null,
            body.user() == null ? null : body.user().id());
    return BuildView.of(b, found, null, signer, settings.stack());
  }

  @GetMapping("/internal/apps/{app}/builds/{id}")
  @Transactional(readOnly = true)
  BuildView build(@PathVariable String app, @PathVariable String id) {
    App found = appNamed(app);
    Build b = builds.get(found, id);
    Integer version =
        b.releaseId() == null
            ? null
            : releases
                .findById(b.releaseId())
                .map(dev.hoist.api.release.Release::version)
                .orElse(null);
    return BuildView.of(b, found, version, signer, settings.stack());
  }

  private App appNamed(String app) {
    return apps.findByName(app)
        .orElseThrow(() -> ApiException.notFound("app '" + app + "' does not exist"));
  }
}
