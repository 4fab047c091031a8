package dev.hoist.api.build;

import dev.hoist.api.blob.BlobSigner;
import dev.hoist.api.release.Release;
import dev.hoist.api.release.ReleaseRepository;
import dev.hoist.api.slug.Slug;
import dev.hoist.api.web.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The builder's side of the queue (component token): claim, stream output, hand in the slug,
 * finish.
 */
@RestController
class BuildInternalController {
  private static final int MAX_WAIT_SECONDS = 60;

  private final BuildService builds;
  private final BlobSigner signer;
  private final ReleaseRepository releases;

  BuildInternalController(BuildService builds, BlobSigner signer, ReleaseRepository releases) {
    this.builds = builds;
    this.signer = signer;
    this.releases = releases;
  }

  @PostMapping("/internal/builds/claim")
  ResponseEntity<BuildService.Job> claim(@RequestParam(defaultValue = "30") int wait)
      throws InterruptedException {
    if (wait < 0 || wait > MAX_WAIT_SECONDS)
      throw ApiException.badRequest("wait must be 0 to " + MAX_WAIT_SECONDS);
    return builds
        .claim(wait * 1000L)
        .map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  @PostMapping(path = "/internal/builds/{id}/output", consumes = "text/plain")
  Map<String, Integer> output(@PathVariable UUID id, @RequestBody(required = false) String text) {
    List<String> lines =
        text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\r?\n", -1));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty())
      lines = lines.subList(0, lines.size() - 1);
    builds.output(id, lines);
    return Map.of("lines", lines.size());
  }

  record SlugRequest(Map<String, String> processTypes, String checksum) {}

  record SlugAnswer(UUID id, String putUrl) {}

  @PostMapping("/internal/builds/{id}/slug")
  ResponseEntity<SlugAnswer> slug(@PathVariable UUID id, @RequestBody SlugRequest body) {
    Slug slug = builds.slug(id, body.processTypes(), body.checksum());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new SlugAnswer(slug.id(), signer.url("PUT", slug.blobKey())));
  }

  record Finish(String status, String slug, String message) {}

  record ReleaseRef(UUID id, Integer version) {}

  /**
   * The finish answer, as docs/internal-api.md gives it: the release is null until there is one.
   */
  record Finished(String status, ReleaseRef release) {}

  @PostMapping("/internal/builds/{id}/finish")
  Finished finish(@PathVariable UUID id, @RequestBody Finish body) {
    boolean ok = "succeeded".equals(body.status());
    if (!ok && !"failed".equals(body.status()))
      throw ApiException.invalid("status must be succeeded or failed");
    Build b = builds.finish(id, ok, body.slug(), body.message());
    ReleaseRef release =
        b.releaseId() == null
            ? null
            : new ReleaseRef(
                b.releaseId(), releases.findById(b.releaseId()).map(Release::version).orElse(null));
    return new Finished(b.status(), release);
  }
}
