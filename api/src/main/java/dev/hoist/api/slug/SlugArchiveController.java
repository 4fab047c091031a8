package dev.hoist.api.slug;

import dev.hoist.api.blob.BlobSigner;
import dev.hoist.api.blob.BlobStore;
import dev.hoist.api.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed URLs of slug archives: {@code PUT} uploads (checked, then stored), {@code GET}
 * downloads. The URL's signature is the authority here; no API key is read.
 */
@RestController
class SlugArchiveController {
  private final SlugService slugs;
  private final BlobStore blobs;
  private final BlobSigner signer;

  SlugArchiveController(SlugService slugs, BlobStore blobs, BlobSigner signer) {
    this.slugs = slugs;
    this.blobs = blobs;
    this.signer = signer;
  }

  @PutMapping("/blobs/slugs/{file}")
  Map<String, Object> upload(
      @PathVariable String file,
      @RequestParam(defaultValue = "0") long expires,
      @RequestParam(required = false) String signature,
      HttpServletRequest request)
      throws IOException {
    UUID id = authorize("PUT", file, expires, signature);
    Slug slug = slugs.upload(id, request.getInputStream());
    return Map.of("size", slug.size(), "checksum", slug.checksum());
  }

  @GetMapping("/blobs/slugs/{file}")
  ResponseEntity<InputStreamResource> download(
      @PathVariable String file,
      @RequestParam(defaultValue = "0") long expires,
      @RequestParam(required = false) String signature)
      throws IOException {
    authorize("GET", file, expires, signature);
    String key = "slugs/" + file;
    long size =
        blobs
            .size(key)
            .orElseThrow(() -> ApiException.notFound("the slug archive was never uploaded"));
    InputStream in =
        blobs.open(key).orElseThrow(() -> ApiException.notFound("the slug archive is gone"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/gzip"))
        .contentLength(size)
        .body(new InputStreamResource(in));
  }

  /** The slug id in {@code <uuid>.tgz}, once the signature checks out; else 403 without detail. */
  private UUID authorize(String method, String file, long expires, String signature) {
    if (!signer.verify(method, "slugs/" + file, expires, signature)) {
      throw ApiException.forbidden(
          "this blob URL is not valid or has expired; ask the API for a new one");
    }
    if (!file.endsWith(".tgz")) throw ApiException.notFound("no such blob");
    return dev.hoist.api.auth.AccountService.asUuid(file.substring(0, file.length() - 4))
        .orElseThrow(() -> ApiException.notFound("no such blob"));
  }
}
