package dev.hoist.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Transfers through the api's signed blob URLs (slugs, source tarballs, build caches,
 * repositories). The URL is the credential, so no token is sent (and the URL may name another
 * host), and it is a secret while it is valid: errors name only its path. Transfers stream to and
 * from files; nothing is held whole.
 */
public final class Blobs {
  private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(30);

  private final InternalApi api;

  public Blobs(InternalApi api) {
    this.api = api;
  }

  /** GETs the blob into {@code target}; false when there is none (404), e.g. no build cache yet. */
  public boolean download(String signedUrl, Path target) throws IOException {
    try (InputStream body = open(signedUrl, true)) {
      if (body == null) return false;
      Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
      return true;
    }
  }

  /** Opens the blob for reading; the caller closes the stream. A missing blob is an error (404). */
  public InputStream open(String signedUrl) throws IOException {
    return open(signedUrl, false);
  }

  private InputStream open(String signedUrl, boolean missingIsNull) throws IOException {
    URI url = api.resolve(signedUrl);
    HttpRequest request = HttpRequest.newBuilder(url).timeout(TRANSFER_TIMEOUT).GET().build();
    HttpResponse<InputStream> response =
        api.exchange(request, HttpResponse.BodyHandlers.ofInputStream(), url);
    if (response.statusCode() / 100 == 2) return response.body();
    try (InputStream body = response.body()) {
      if (missingIsNull && response.statusCode() == 404) return null;
      throw InternalApi.error(
          response.statusCode(), "GET " + url.getPath(), body.readNBytes(64 * 1024));
    }
  }

  /** PUTs the file's bytes to the signed URL. */
  public void upload(String signedUrl, Path file, String contentType) throws IOException {
    URI url = api.resolve(signedUrl);
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(TRANSFER_TIMEOUT)
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofFile(file))
            .build();
    HttpResponse<byte[]> response =
        api.exchange(request, HttpResponse.BodyHandlers.ofByteArray(), url);
    if (response.statusCode() / 100 != 2) {
      throw InternalApi.error(response.statusCode(), "PUT " + url.getPath(), response.body());
    }
  }
}
