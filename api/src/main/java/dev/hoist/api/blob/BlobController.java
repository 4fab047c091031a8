package dev.hoist.api.blob;

import dev.hoist.api.ApiSettings;
import dev.hoist.api.web.ApiException;
import dev.hoist.api.web.LimitedInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signed blob URLs for sources, build caches and repository archives. (Slugs and build logs have
 * their own controllers: slug uploads are checked, build logs are followed live.) An upload is
 * written whole to a scratch file, under the size limit, before it replaces the blob.
 */
@RestController
class BlobController {
  private static final Set<String> KINDS = Set.of("sources", "caches", "repos");

  private final BlobStore blobs;
  private final BlobSigner signer;
  private final long maxBytes;

  BlobController(BlobStore blobs, BlobSigner signer, ApiSettings settings) {
    this.blobs = blobs;
    this.signer = signer;
    this.maxBytes = settings.maxSlugBytes();
  }

  @PutMapping("/blobs/{kind}/{file}")
  Map<String, Object> put(
      @PathVariable String kind,
      @PathVariable String file,
      @RequestParam(defaultValue = "0") long expires,
      @RequestParam(required = false) String signature,
      HttpServletRequest request)
      throws IOException {
    String key = authorize("PUT", kind, file, expires, signature);
    Path scratch = blobs.scratch();
    try {
      try (InputStream in = new LimitedInputStream(request.getInputStream(), maxBytes)) {
        Files.copy(in, scratch, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      long size = Files.size(scratch);
      blobs.put(key, scratch);
      return Map.of("size", size);
    } finally {
      Files.deleteIfExists(scratch);
    }
  }

  @GetMapping("/blobs/{kind}/{file}")
  ResponseEntity<InputStreamResource> get(
      @PathVariable String kind,
      @PathVariable String file,
      @RequestParam(defaultValue = "0") long expires,
      @RequestParam(required = false) String signature)
      throws IOException {
    String key = authorize("GET", kind, file, expires, signature);
    long size = blobs.size(key).orElseThrow(() -> ApiException.notFound("no such blob"));
    InputStream in = blobs.open(key).orElseThrow(() -> ApiException.notFound("no such blob"));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .contentLength(size)
        .body(new InputStreamResource(in));
  }

  private String authorize(
      String method, String kind, String file, long expires, String signature) {
    String key = kind + "/" + file;
    if (!KINDS.contains(kind) || !signer.verify(method, key, expires, signature)) {
      throw ApiException.forbidden(
          "this blob URL is not valid or has expired; ask the API for a new one");
    }
    return key;
  }
}
