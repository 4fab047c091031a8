package dev.hoist.api.slug;

import dev.hoist.api.app.App;
import dev.hoist.api.app.AppAccess;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.blob.BlobSigner;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /apps/{app}/slugs}: bring your own slug, as Heroku's slug API. The archive goes to {@code
 * blob.url}.
 */
@RestController
class SlugController {
  private final AppAccess access;
  private final SlugService slugs;
  private final BlobSigner signer;

  SlugController(AppAccess access, SlugService slugs, BlobSigner signer) {
    this.access = access;
    this.slugs = slugs;
    this.signer = signer;
  }

  @PostMapping("/apps/{app}/slugs")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  SlugView create(Caller caller, @PathVariable String app, @RequestBody CreateSlug body) {
    App found = access.changeable(caller, app);
    Slug slug =
        slugs.create(
            found, body.processTypes(), body.checksum(), body.commit(), body.commitDescription());
    return SlugView.of(slug, new Blob("PUT", signer.url("PUT", slug.blobKey())));
  }

  @GetMapping("/apps/{app}/slugs/{id}")
  @Transactional(readOnly = true)
  SlugView info(Caller caller, @PathVariable String app, @PathVariable String id) {
    Slug slug = slugs.get(access.visible(caller, app), id);
    return SlugView.of(
        slug, slug.isUploaded() ? new Blob("GET", signer.url("GET", slug.blobKey())) : null);
  }

  record CreateSlug(
      Map<String, String> processTypes,
      String checksum,
      String commit,
      String commitDescription,
      String buildpackProvidedDescription,
      String stack) {}

  record Blob(String method, String url) {}

  record StackRef(String name) {}

  record SlugView(
      UUID id,
      Map<String, String> processTypes,
      String checksum,
      String commit,
      String commitDescription,
      Long size,
      StackRef stack,
      Blob blob,
      Instant createdAt,
      Instant updatedAt) {
    static SlugView of(Slug s, Blob blob) {
      return new SlugView(
          s.id(),
          s.processTypes(),
          s.checksum(),
          s.commit(),
          s.commitDescription(),
          s.size(),
          new StackRef(s.stack()),
          blob,
          s.createdAt(),
          s.updatedAt());
    }
  }
}
