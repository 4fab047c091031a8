package dev.hoist.build.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Downloads and uploads through the api's signed blob URLs. The URL is the authority (no token is
 * sent), and a secret while it is valid: errors name only its path. Transfers stream from and to files;
 * nothing is held whole in memory.
 */
public final class Blobs {
  private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(30);

  private final ApiHttp http;

  public Blobs(ApiHttp http) {
    this.http = http;
  }

  /** GETs the blob into {@code target}; false when there is none (404), e.g. no build cache yet. */
  public boolean download(String signedUrl, Path target) throws IOException {
    URI url = http.resolve(signedUrl);
    HttpRequest request = HttpRequest.newBuilder(url).timeout(TRANSFER_TIMEOUT).GET().build();
    HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream(), url);
    try (InputStream body = response.body()) {
      if (response.statusCode() == 404) return false;
      if (response.statusCode() / 100 != 2) {
        throw ApiHttp.error(response.statusCode(), "GET " + url.getPath(), body.readNBytes(64 * 1024));
      }
      Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
      return true;
    }
  }

  /** PUTs the file's bytes to the signed URL. */
  public void upload(String signedUrl, Path file, String contentType) throws IOException {
    URI url = http.resolve(signedUrl);
    HttpRequest request = HttpRequest.newBuilder(url).timeout(TRANSFER_TIMEOUT)
        .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofFile(file)).build();
    HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray(), url);
    if (response.statusCode() / 100 != 2) {
      throw ApiHttp.error(response.statusCode(), "PUT " + url.getPath(), response.body());
    }
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, URI url)
      throws IOException {
    try {
      return http.client().send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted during a blob transfer");
    } catch (IOException e) {
      throw new ApiException("blob transfer to " + url.getHost() + ":" + url.getPort() + url.getPath()
          + " failed (" + e.getClass().getSimpleName() + ")", e);
    }
  }
}
