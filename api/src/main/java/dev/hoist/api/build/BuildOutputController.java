package dev.hoist.api.build;

import dev.hoist.api.blob.BlobSigner;
import dev.hoist.api.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A build's {@code output_stream_url}: plain text, streamed live while the build runs and ending
 * when it ends; the whole stored log afterwards. Signed, like every blob URL.
 */
@RestController
class BuildOutputController {
  private final BuildOutput output;
  private final BlobSigner signer;

  BuildOutputController(BuildOutput output, BlobSigner signer) {
    this.output = output;
    this.signer = signer;
  }

  @GetMapping("/blobs/build-logs/{file}")
  ResponseEntity<StreamingResponseBody> stream(
      @PathVariable String file,
      @RequestParam(defaultValue = "0") long expires,
      @RequestParam(required = false) String signature) {
    if (!signer.verify("GET", "build-logs/" + file, expires, signature) || !file.endsWith(".txt")) {
      throw ApiException.forbidden("this build output URL is not valid or has expired");
    }
    UUID build =
        dev.hoist.api.auth.AccountService.asUuid(file.substring(0, file.length() - 4))
            .orElseThrow(() -> ApiException.notFound("no such build"));
    StreamingResponseBody body =
        out -> {
          try {
            output.copy(build, out);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(body);
  }
}
