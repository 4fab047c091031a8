package dev.hoist.cli.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.hoist.cli.CliException;
import dev.hoist.cli.Version;
import dev.hoist.cli.io.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The Hoist REST API over {@code java.net.http}. Every call sends the API key and the Heroku v3
 * {@code Accept} header and answers the parsed JSON body. A 4xx or 5xx becomes an {@link
 * ApiException}; no answer at all becomes an {@link ApiUnreachableException}.
 */
public final class ApiClient {

  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final Settings settings;
  private HttpClient http;

  public ApiClient(Settings settings) {
    this.settings = settings;
  }

  public String apiUrl() {
    return settings.apiUrl();
  }

  public JsonNode get(String path) {
    return send("GET", path, null, Map.of());
  }

  public JsonNode get(String path, Map<String, String> headers) {
    return send("GET", path, null, headers);
  }

  public JsonNode post(String path, Object body) {
    return send("POST", path, body, Map.of());
  }

  public JsonNode put(String path, Object body) {
    return send("PUT", path, body, Map.of());
  }

  public JsonNode patch(String path, Object body) {
    return send("PATCH", path, body, Map.of());
  }

  public JsonNode delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  /** {@code path} is already encoded; build it with {@link ApiPaths}. */
  public JsonNode send(String method, String path, Object body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + settings.requireApiKey())
            .header("Accept", "application/vnd.heroku+json; version=3")
            .header("Content-Type", "application/json")
            .header("User-Agent", "hoist-cli/" + Version.current())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(serialize(body), StandardCharsets.UTF_8));
    headers.forEach(request::header);
    HttpResponse<String> response = exchange(request.build());
    return readBody(response);
  }

  /**
   * Opens a signed URL the API handed out (a log session's {@code logplex_url}, a build's {@code
   * output_stream_url}): a plain GET with no API key, answering the body as it arrives. A relative
   * URL is taken as relative to the API. Without {@code waitForever} the response must start within
   * the request timeout; the body may take as long as it takes either way. Errors are those of
   * {@link #send}; the URL, which is a credential, is never part of a message.
   */
  public InputStream openSigned(String url, boolean waitForever) {
    URI target = uri("/").resolve(url);
    String origin = target.getScheme() + "://" + target.getRawAuthority();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target).header("User-Agent", "hoist-cli/" + Version.current()).GET();
    if (!waitForever) {
      request.timeout(REQUEST_TIMEOUT);
    }
    HttpResponse<InputStream> response;
    try {
      response = client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw new ApiUnreachableException(
          origin, "connect timed out after " + CONNECT_TIMEOUT.toSeconds() + " s", e);
    } catch (HttpTimeoutException e) {
      throw new ApiUnreachableException(
          origin, "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
    } catch (IOException e) {
      throw new ApiUnreachableException(origin, reason(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", e);
    }
    if (response.statusCode() >= 400) {
      try (InputStream body = response.body()) {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        throw ApiErrors.fromResponse(response.statusCode(), text);
      } catch (IOException e) {
        throw ApiErrors.fromResponse(response.statusCode(), null);
      }
    }
    return response.body();
  }

  private URI uri(String path) {
    try {
      URI uri = URI.create(settings.apiUrl() + path);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("not an absolute http URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new CliException("invalid API URL '" + settings.apiUrl() + "': " + e.getMessage());
    }
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw unreachable("connect timed out after " + CONNECT_TIMEOUT.toSeconds() + " s", e);
    } catch (HttpTimeoutException e) {
      throw unreachable("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
    } catch (IOException e) {
      throw unreachable(reason(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", e);
    }
  }

  private ApiUnreachableException unreachable(String reason, Throwable cause) {
    return new ApiUnreachableException(settings.apiUrl(), reason, cause);
  }

  /** The JDK often wraps the useful exception and leaves the message null. */
  private static String reason(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "connection refused";
      }
      if (t instanceof UnknownHostException) {
        return "unknown host " + t.getMessage();
      }
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static JsonNode readBody(HttpResponse<String> response) {
    int status = response.statusCode();
    String body = response.body();
    if (status >= 400) {
      throw ApiErrors.fromResponse(status, body);
    }
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the Hoist API answered HTTP " + status + " with a body that is not JSON");
    }
  }

  private static String serialize(Object body) {
    try {
      return Json.MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialize request body", e);
    }
  }

  private synchronized HttpClient client() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(CONNECT_TIMEOUT)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }
    return http;
  }
}
