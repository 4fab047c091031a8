package dev.hoist.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A small real-HTTP client for the tests: every call goes over a socket to the running api, as the
 * CLI's do. Bodies given as strings are sent verbatim (so tests can send broken JSON); objects are
 * serialised.
 */
public final class Http {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String key;
  private final Map<String, String> headers;

  public Http(String base, String key) {
    this(base, key, Map.of());
  }

  private Http(String base, String key, Map<String, String> headers) {
    this.base = base;
    this.key = key;
    this.headers = headers;
  }

  /** The same client with an extra header on every request. */
  public Http with(String name, String value) {
    var all = new java.util.HashMap<>(headers);
    all.put(name, value);
    return new Http(base, key, all);
  }

  public Response get(String path) {
    return send("GET", path, null);
  }

  public Response delete(String path) {
    return send("DELETE", path, null);
  }

  public Response post(String path, Object body) {
    return send("POST", path, body);
  }

  public Response patch(String path, Object body) {
    return send("PATCH", path, body);
  }

  public Response put(String path, Object body) {
    return send("PUT", path, body);
  }

  public Response send(String method, String path, Object body) {
    return send(method, path, body, false);
  }

  /**
   * As {@link #send}, but the body goes chunked, with no Content-Length, as a streaming client
   * sends it.
   */
  public Response sendChunked(String method, String path, String body) {
    return send(method, path, body, true);
  }

  private Response send(String method, String path, Object body, boolean chunked) {
    try {
      String text =
          body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
              .timeout(Duration.ofSeconds(40))
              .header("Accept", "application/vnd.heroku+json; version=3");
      if (key != null) b.header("Authorization", "Bearer " + key);
      if (text != null && !headers.containsKey("Content-Type"))
        b.header("Content-Type", "application/json");
      headers.forEach(b::header);
      b.method(
          method,
          text == null
              ? HttpRequest.BodyPublishers.noBody()
              : chunked
                  ? HttpRequest.BodyPublishers.ofInputStream(
                      () ->
                          new java.io.ByteArrayInputStream(
                              text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                  : HttpRequest.BodyPublishers.ofString(text));
      return Response.of(CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends raw bytes (slug archives) with no API key, as curl does to a signed URL. */
  public static Response putBytes(String url, byte[] body) {
    try {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(40))
              .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      return Response.of(CLIENT.send(req, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static HttpResponse<byte[]> getBytes(String url) {
    try {
      return CLIENT.send(
          HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public record Response(int status, HttpHeaders headers, String text) {
    static Response of(HttpResponse<String> r) {
      return new Response(r.statusCode(), r.headers(), r.body());
    }

    public JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("not JSON (status " + status + "): " + text, e);
      }
    }

    /** The error id of an error answer, e.g. "not_found". */
    public String errorId() {
      return json().path("id").asText();
    }

    public String message() {
      return json().path("message").asText();
    }

    @Override
    public String toString() {
      return status + " " + text;
    }
  }
}
