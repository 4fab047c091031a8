package dev.hoist.build.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * JSON over HTTP to the api's {@code /internal/**} with the component token. Error answers become
 * {@link ApiException}s carrying the api's own message; a 204 or a 404 on an optional read is empty.
 * Thread-safe: one instance serves a whole component.
 */
public final class ApiHttp {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final String token;
  private final HttpClient client;

  public ApiHttp(String baseUrl, String token) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.token = token;
    // HTTP/1.1: the api is plain HTTP and an h2c upgrade attempt only costs a round trip.
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  HttpClient client() {
    return client;
  }

  /** A signed URL as the api wrote it; relative ones are taken against the api's base URL. */
  public URI resolve(String url) {
    return base.resolve(url.startsWith("/") ? url.substring(1) : url);
  }

  public <T> T get(String path, Class<T> type) throws IOException {
    return read(send(request(path).GET(), CALL_TIMEOUT), path, type).orElseThrow();
  }

  /** GET that answers empty on 404 (the api's "no such thing", e.g. an unknown key). */
  public <T> Optional<T> find(String path, Class<T> type) throws IOException {
    HttpResponse<byte[]> response = send(request(path).GET(), CALL_TIMEOUT);
    if (response.statusCode() == 404) return Optional.empty();
    return read(response, path, type);
  }

  /** POST of a JSON body; empty when the api answers 204 (a long-poll that found nothing). */
  public <T> Optional<T> post(String path, Object body, Class<T> type, Duration timeout) throws IOException {
    byte[] json = body == null ? new byte[0] : Json.MAPPER.writeValueAsBytes(body);
    HttpRequest.Builder r = request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json));
    return read(send(r, timeout), path, type);
  }

  public <T> T post(String path, Object body, Class<T> type) throws IOException {
    return post(path, body, type, CALL_TIMEOUT)
        .orElseThrow(() -> new ApiException(204, "no_content", "POST " + path + " answered no content"));
  }

  public void postText(String path, String text) throws IOException {
    HttpRequest.Builder r = request(path).header("Content-Type", "text/plain; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
    read(send(r, CALL_TIMEOUT), path, JsonNode.class);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path.substring(1))).header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder r, Duration timeout) throws IOException {
    HttpRequest request = r.timeout(timeout).build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while calling the api");
    } catch (IOException e) {
      throw new ApiException("cannot reach the api at " + base + " (" + e + ")", e);
    }
  }

  private static <T> Optional<T> read(HttpResponse<byte[]> response, String path, Class<T> type) throws IOException {
    int status = response.statusCode();
    if (status == 204) return Optional.empty();
    if (status / 100 != 2) throw error(status, path, response.body());
    if (response.body().length == 0) return Optional.empty();
    return Optional.of(Json.MAPPER.readValue(response.body(), type));
  }

  /** The api's {@code {"id", "message"}}, or a plain description when the body is something else. */
  static ApiException error(int status, String path, byte[] body) {
    String where = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node != null && node.hasNonNull("message")) {
        return new ApiException(status, node.path("id").asText("error"), node.get("message").asText());
      }
    } catch (IOException notJson) {
      // fall through: a proxy's HTML page, say
    }
    return new ApiException(status, "http_" + status, "the api answered " + status + " to " + where);
  }

  /** Opens a long-lived GET (a build's output stream) with no overall time limit. */
  public InputStream stream(URI url) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(url).GET().build();
    try {
      HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (r.statusCode() / 100 != 2) {
        try (InputStream body = r.body()) {
          throw error(r.statusCode(), url.getPath(), body.readNBytes(64 * 1024));
        }
      }
      return r.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while opening a stream");
    }
  }
}
