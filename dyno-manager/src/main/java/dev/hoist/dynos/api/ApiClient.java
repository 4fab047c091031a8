package dev.hoist.dynos.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The dyno manager's side of docs/internal-api.md: every call carries the component token, and every
 * failure becomes an {@link ApiException}. Thread-safe; one instance serves all callers.
 */
public final class ApiClient {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

  private final URI base;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

  public ApiClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The desired state; with {@code since}, waits up to {@code wait} for a revision past it. */
  public DesiredState state(Long since, Duration wait) throws ApiException {
    String query = since == null ? "" : "?since=" + since + "&wait=" + wait.toSeconds();
    HttpRequest req = request("/internal/state" + query, CALL_TIMEOUT.plus(wait)).GET().build();
    return read(send(req), DesiredState.class);
  }

  public void reportDynos(String app, List<DynoReport> dynos) throws ApiException {
    send(json(request("/internal/apps/" + encode(app) + "/dynos", CALL_TIMEOUT), "PUT", dynos));
  }

  public void postLogs(List<LogLine> lines) throws ApiException {
    send(json(request("/internal/logs", CALL_TIMEOUT), "POST", lines));
  }

  public void oneOffExit(String app, String name, int status) throws ApiException {
    String path = "/internal/apps/" + encode(app) + "/one-offs/" + encode(name) + "/exit";
    send(json(request(path, CALL_TIMEOUT), "POST", Map.of("status", status)));
  }

  /** Opens a signed blob URL (no token: the signature is the credential, and the URL may be another host's). */
  public InputStream openBlob(String url) throws ApiException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).GET().build();
    try {
      HttpResponse<InputStream> res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
      if (res.statusCode() / 100 == 2) return res.body();
      res.body().close();
      throw new ApiException(res.statusCode(), "GET slug answered " + res.statusCode(), null);
    } catch (IOException e) {
      throw new ApiException(0, "cannot download the slug: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(0, "interrupted", e);
    }
  }

  private HttpRequest.Builder request(String path, Duration timeout) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
        .header("Authorization", "Bearer " + token).header("Accept", "application/json");
  }

  private static HttpRequest json(HttpRequest.Builder b, String method, Object body) throws ApiException {
    try {
      byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
      return b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(bytes))
          .build();
    } catch (JsonProcessingException e) {
      throw new ApiException(0, "cannot write JSON: " + e.getMessage(), e);
    }
  }

  private String send(HttpRequest req) throws ApiException {
    try {
      HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() / 100 == 2) return res.body();
      String body = res.body().length() > 300 ? res.body().substring(0, 300) : res.body();
      throw new ApiException(res.statusCode(), req.method() + " " + req.uri().getPath() + " answered "
          + res.statusCode() + ": " + body, null);
    } catch (IOException e) {
      throw new ApiException(0, req.method() + " " + req.uri().getPath() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(0, "interrupted", e);
    }
  }

  private static <T> T read(String body, Class<T> type) throws ApiException {
    try {
      return Json.MAPPER.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new ApiException(0, "the api answered JSON we cannot read: " + e.getOriginalMessage(), e);
    }
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }
}
