package dev.hoist.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
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
 * JSON over HTTP to the api's {@code /internal/**} with the component token: the one HTTP helper of
 * the internal API. Every failure becomes an {@link InternalApiException}: an error status carries
 * the api's own {@code id} and {@code message}; no answer at all is status 0. A 204, or a 404 on
 * {@link #find}, is an empty answer rather than an error.
 *
 * <p>Timeouts: 5 s to connect; {@link #CALL_TIMEOUT} until the answer's headers for an ordinary
 * call (a healthy api answers in milliseconds, so a call that takes longer is a hung api, and the
 * caller's retry does better than waiting on); a long poll passes its own, its wait plus {@link
 * #CALL_TIMEOUT}. The JDK client's timeout stops at the headers: a body that stalls after them is
 * bounded only by the api closing the connection (the api writes small bodies whole). Thread-safe:
 * one instance serves a whole component.
 */
public final class InternalApi {
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
  private static final int ERROR_BODY_LIMIT = 64 * 1024;

  private final URI base;
  private final String token;
  // HTTP/1.1: the api is plain HTTP, and an h2c upgrade attempt only costs a round trip.
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * @param token the component token; empty sends no Authorization header (a test api may not want
   *     one)
   */
  public InternalApi(String baseUrl, String token) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.token = token == null ? "" : token;
  }

  /** The api's base URL, ending in {@code /}. */
  public URI base() {
    return base;
  }

  HttpClient client() {
    return client;
  }

  /**
   * A URL as the api wrote it (signed blob URLs, output streams); relative ones are taken against
   * the base.
   */
  public URI resolve(String url) {
    return base.resolve(url.startsWith("/") ? url.substring(1) : url);
  }

  public <T> T get(String path, Class<T> type) throws InternalApiException {
    return get(path, type, CALL_TIMEOUT);
  }

  /** A GET with its own timeout: a long poll's wait plus {@link #CALL_TIMEOUT}. */
  public <T> T get(String path, Class<T> type, Duration timeout) throws InternalApiException {
    return required(send(request(path).GET(), timeout), path, type(type));
  }

  /**
   * The long poll of a watched document ({@code /internal/state}, {@code /internal/routes}): at
   * once without {@code since}, else once its revision passes {@code since} or {@code wait} runs
   * out.
   */
  public <T> T watched(String path, Long since, Duration wait, Class<T> type)
      throws InternalApiException {
    String query = since == null ? "" : "?since=" + since + "&wait=" + wait.toSeconds();
    return get(path + query, type, CALL_TIMEOUT.plus(wait));
  }

  /** GET that answers empty on 404: the api's "no such thing" (an unknown key, no access). */
  public <T> Optional<T> find(String path, Class<T> type) throws InternalApiException {
    HttpResponse<byte[]> response = send(request(path).GET(), CALL_TIMEOUT);
    if (response.statusCode() == 404) return Optional.empty();
    return read(response, path, type(type));
  }

  /**
   * POST of a JSON body (none when null); empty when the api answers 204 (a long poll that found
   * nothing).
   */
  public <T> Optional<T> post(String path, Object body, Class<T> type, Duration timeout)
      throws InternalApiException {
    return read(send(json(request(path), "POST", body), timeout), path, type(type));
  }

  public <T> T post(String path, Object body, Class<T> type) throws InternalApiException {
    return required(send(json(request(path), "POST", body), CALL_TIMEOUT), path, type(type));
  }

  /** POST or PUT whose answer the caller does not need: any 2xx will do, its body unread. */
  public void send(String method, String path, Object body) throws InternalApiException {
    succeeded(send(json(request(path), method, body), CALL_TIMEOUT), path);
  }

  public <T> T put(String path, Object body, TypeReference<T> type) throws InternalApiException {
    return required(
        send(json(request(path), "PUT", body), CALL_TIMEOUT),
        path,
        WireJson.MAPPER.getTypeFactory().constructType(type));
  }

  public <T> T put(String path, Object body, Class<T> type) throws InternalApiException {
    return required(send(json(request(path), "PUT", body), CALL_TIMEOUT), path, type(type));
  }

  /** POST of plain UTF-8 text (build output): any 2xx will do, its body unread. */
  public void postText(String path, String text) throws InternalApiException {
    HttpRequest.Builder r =
        request(path)
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
    succeeded(send(r, CALL_TIMEOUT), path);
  }

  /**
   * Opens a long-lived GET (a build's output stream) with no overall time limit. The caller closes
   * it.
   */
  public InputStream stream(URI url) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(url).GET().build();
    HttpResponse<InputStream> r = exchange(request, HttpResponse.BodyHandlers.ofInputStream(), url);
    if (r.statusCode() / 100 == 2) return r.body();
    try (InputStream body = r.body()) {
      throw error(r.statusCode(), "GET " + url.getPath(), body.readNBytes(ERROR_BODY_LIMIT));
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .header("Accept", "application/json");
    if (!token.isEmpty()) b.header("Authorization", "Bearer " + token);
    return b;
  }

  private static HttpRequest.Builder json(HttpRequest.Builder b, String method, Object body)
      throws InternalApiException {
    if (body == null) return b.method(method, HttpRequest.BodyPublishers.noBody());
    try {
      byte[] bytes = WireJson.MAPPER.writeValueAsBytes(body);
      return b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
    } catch (JsonProcessingException e) {
      throw new InternalApiException(
          0, "bad_request", "cannot write JSON: " + e.getOriginalMessage());
    }
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder r, Duration timeout)
      throws InternalApiException {
    HttpRequest request = r.timeout(timeout).build();
    return exchange(request, HttpResponse.BodyHandlers.ofByteArray(), request.uri());
  }

  /** Sends with the component's client; the error names method, host and path, never the query. */
  <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler, URI url)
      throws InternalApiException {
    try {
      return client.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw InternalApiException.interrupted(e);
    } catch (IOException e) {
      throw InternalApiException.unreachable(
          request.method()
              + " "
              + url.getAuthority()
              + url.getPath()
              + " failed ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ")",
          e);
    }
  }

  private static JavaType type(Class<?> type) {
    return WireJson.MAPPER.getTypeFactory().constructType(type);
  }

  /** A 2xx answer, whatever its body; an error status as the api's error. */
  private static void succeeded(HttpResponse<byte[]> response, String path)
      throws InternalApiException {
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw error(status, response.request().method() + " " + where(path), response.body());
    }
  }

  /** The answer's body as {@code type}; a 2xx without one is an error here. */
  private static <T> T required(HttpResponse<byte[]> response, String path, JavaType type)
      throws InternalApiException {
    Optional<T> body = read(response, path, type);
    if (body.isPresent()) return body.get();
    throw new InternalApiException(
        response.statusCode(),
        "no_body",
        response.request().method() + " " + where(path) + " answered without a body");
  }

  private static <T> Optional<T> read(HttpResponse<byte[]> response, String path, JavaType type)
      throws InternalApiException {
    int status = response.statusCode();
    if (status == 204) return Optional.empty();
    String call = response.request().method() + " " + where(path);
    if (status / 100 != 2) throw error(status, call, response.body());
    if (response.body().length == 0) return Optional.empty();
    try {
      return Optional.of(WireJson.MAPPER.readValue(response.body(), type));
    } catch (IOException e) {
      throw new InternalApiException(
          status,
          "bad_answer",
          call
              + " answered JSON we cannot read: "
              + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
    }
  }

  /**
   * The api's {@code {"id", "message"}}, or a plain description when the body is something else.
   */
  static InternalApiException error(int status, String call, byte[] body) {
    try {
      JsonNode node = WireJson.MAPPER.readTree(body);
      if (node != null && node.hasNonNull("message")) {
        return new InternalApiException(
            status, node.path("id").asText("error"), node.get("message").asText());
      }
    } catch (IOException notJson) {
      // fall through: a proxy's HTML page, say
    }
    return new InternalApiException(status, "http_" + status, call + " answered " + status);
  }

  private static String where(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }
}
