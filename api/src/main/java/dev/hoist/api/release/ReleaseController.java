package dev.hoist.api.release;

import dev.hoist.api.app.App;
import dev.hoist.api.app.AppAccess;
import dev.hoist.api.app.AppRef;
import dev.hoist.api.auth.AccountRepository;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.web.ApiException;
import dev.hoist.api.web.RangeHeader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code /apps/{app}/releases}: list (Range-paged), info, deploy a slug, roll back. */
@RestController
class ReleaseController {
  private final AppAccess access;
  private final ReleaseService releases;
  private final CurrentRelease current;
  private final AccountRepository accounts;

  ReleaseController(
      AppAccess access,
      ReleaseService releases,
      CurrentRelease current,
      AccountRepository accounts) {
    this.access = access;
    this.releases = releases;
    this.current = current;
    this.accounts = accounts;
  }

  @GetMapping("/apps/{app}/releases")
  @Transactional(readOnly = true)
  ResponseEntity<List<ReleaseView>> list(
      Caller caller,
      @PathVariable String app,
      @RequestHeader(name = "Range", required = false) String rangeHeader) {
    RangeHeader range = RangeHeader.parse(rangeHeader, "version");
    App found = access.visible(caller, app);
    List<Release> all = releases.all(found);
    List<Release> walk = new java.util.ArrayList<>(all);
    if (range.descending()) java.util.Collections.reverse(walk);
    List<Release> admitted = walk.stream().filter(r -> range.admits(r.version())).toList();
    List<Release> page = admitted.stream().limit(range.max()).toList();
    Integer currentVersion = current.of(found.id()).map(Release::version).orElse(null);
    List<ReleaseView> body = page.stream().map(r -> view(found, r, currentVersion)).toList();
    if (admitted.size() > page.size()) {
      return ResponseEntity.status(HttpStatus.PARTIAL_CONTENT)
          .header("Next-Range", range.next(page.get(page.size() - 1).version()))
          .body(body);
    }
    return ResponseEntity.ok(body);
  }

  @GetMapping("/apps/{app}/releases/{release}")
  @Transactional(readOnly = true)
  ReleaseView info(Caller caller, @PathVariable String app, @PathVariable String release) {
    App found = access.visible(caller, app);
    return view(
        found,
        releases.find(found, release),
        current.of(found.id()).map(Release::version).orElse(null));
  }

  @GetMapping("/apps/{app}/releases/{release}/config-vars")
  @Transactional(readOnly = true)
  Map<String, String> config(
      Caller caller, @PathVariable String app, @PathVariable String release) {
    return releases.find(access.changeable(caller, app), release).config();
  }

  @PostMapping("/apps/{app}/releases")
  @Transactional
  ResponseEntity<ReleaseView> create(
      Caller caller, @PathVariable String app, @RequestBody CreateRelease body) {
    App found = access.changeable(caller, app);
    Release made;
    com.fasterxml.jackson.databind.JsonNode target =
        body.release() == null || body.release().isNull() ? null : body.release();
    if (target != null && body.slug() == null) {
      made = releases.rollback(found, target(target), caller);
    } else if (body.slug() != null && target == null) {
      made = releases.deploy(found, body.slug(), body.description(), caller);
    } else {
      throw ApiException.invalid("give either slug (to deploy) or release (to roll back)");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(view(found, made, made.version()));
  }

  private ReleaseView view(App app, Release r, Integer currentVersion) {
    UserRef user =
        r.userId() == null
            ? null
            : accounts.findById(r.userId()).map(a -> new UserRef(a.id(), a.email())).orElse(null);
    return new ReleaseView(
        r.id(),
        r.version(),
        r.description(),
        r.status(),
        currentVersion != null && currentVersion == r.version(),
        r.slugId() == null ? null : new SlugRef(r.slugId()),
        user,
        AppRef.of(app),
        r.createdAt(),
        r.updatedAt());
  }

  /** The rollback target: a release id, a version number, or "v5". */
  private static String target(com.fasterxml.jackson.databind.JsonNode release) {
    if (release.isInt() || release.isTextual()) return release.asText();
    throw ApiException.invalid("release must be a release id or a version number");
  }

  record CreateRelease(
      String slug, com.fasterxml.jackson.databind.JsonNode release, String description) {}

  record SlugRef(UUID id) {}

  record UserRef(UUID id, String email) {}

  record ReleaseView(
      UUID id,
      int version,
      String description,
      String status,
      boolean current,
      SlugRef slug,
      UserRef user,
      AppRef app,
      Instant createdAt,
      Instant updatedAt) {}
}
