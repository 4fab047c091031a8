package dev.hoist.internal.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hoist.internal.WireJson;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base of every component's in-process stand-in for the api, on the JDK's HTTP server. It owns
 * what every fake repeated: the component-token check (401 {@code unauthorized}), routing by method
 * and path pattern, request and answer bodies through the internal API's own mapper and records
 * ({@link WireJson}), the api's error shape {@code {"id", "message"}}, and a blob store behind
 * "signed" URLs. A component's fake registers the endpoints its tests need with {@link #on} and
 * answers with the same records the component reads, so the fakes cannot drift from the wire (the
 * api's contract tests hold the records to the real api).
 */
public class FakeApiServer implements AutoCloseable {
  /** One matched request: its path groups, query, and body. */
  public record Call(HttpExchange exchange, Matcher path, Map<String, String> query, byte[] body) {
    public String group(int i) {
      return URLDecoder.decode(path.group(i), StandardCharsets.UTF_8);
    }

    /** The body read as the record (or list) the component sent. */
    public <T> T body(Type type) throws IOException {
      JavaType t = WireJson.MAPPER.getTypeFactory().constructType(type);
      return WireJson.MAPPER.readValue(body, t);
    }

    public JsonNode json() throws IOException {
      return body.length == 0 ? WireJson.MAPPER.createObjectNode() : WireJson.MAPPER.readTree(body);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return exchange.getRequestHeaders().getFirst(name);
    }
  }

  /**
   * What an endpoint answers. {@code body} is written with the wire mapper; a String or byte[] is
   * sent as is.
   */
  public record Answer(int status, Object body) {}

  @FunctionalInterface
  public interface Endpoint {
    Answer answer(Call call) throws IOException;
  }

  /**
   * What an endpoint returns when it wrote the response itself through {@link Call#exchange()} (a
   * live stream, flushed as it goes); the server adds nothing.
   */
  public static final Answer WRITTEN = new Answer(-1, null);

  private record Route(String method, Pattern path, boolean signed, Endpoint endpoint) {}

  private final String token;
  private final HttpServer server;
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "fake-api");
            t.setDaemon(true);
            return t;
          });
  private final List<Route> routes = new CopyOnWriteArrayList<>();

  /** Blobs by key, as PUT to or served from {@link #blobUrl}. */
  public final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

  /** Keys of blobs read, in order. */
  public final List<String> blobReads = new CopyOnWriteArrayList<>();

  public FakeApiServer(String token) throws IOException {
    this(0, token);
  }

  public FakeApiServer(int port, String token) throws IOException {
    this.token = token;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Serves {@code METHOD pathPattern} (a regex over the whole path) with the component token
   * demanded.
   */
  public FakeApiServer on(String method, String pathPattern, Endpoint endpoint) {
    routes.add(new Route(method, Pattern.compile(pathPattern), false, endpoint));
    return this;
  }

  /**
   * Serves {@code METHOD pathPattern} as one of the api's signed URLs (a build's output stream,
   * say): no component token, the fake signature of {@link #signedUrl} demanded instead (403
   * without, as for blobs).
   */
  public FakeApiServer onSigned(String method, String pathPattern, Endpoint endpoint) {
    routes.add(new Route(method, Pattern.compile(pathPattern), true, endpoint));
    return this;
  }

  /** A signed-looking URL of a path served by {@link #onSigned}. */
  public String signedUrl(String path) {
    return url() + path + "?signature=fake";
  }

  /** A signed-looking URL of a blob: the fake checks only that a signature is there. */
  public String blobUrl(String key) {
    return url() + "/blobs/" + key + "?signature=fake";
  }

  public static Answer ok(Object body) {
    return new Answer(200, body);
  }

  public static Answer status(int status) {
    return new Answer(status, null);
  }

  /** The api's error shape. */
  public static Answer error(int status, String id, String message) {
    return new Answer(status, Map.of("id", id, "message", message));
  }

  /** Hook for a fake that must refuse calls (an outage); null lets the call through. */
  protected Answer refuse(Call call) {
    return null;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      // Matched raw, so that a path group is decoded once, by Call.group.
      String path = ex.getRequestURI().getRawPath();
      boolean hasToken = ex.getRequestHeaders().containsKey("Authorization");
      if (path.startsWith("/blobs/")) {
        if (hasToken) send(ex, TOKEN_TO_SIGNED_URL);
        else blob(ex, ex.getRequestURI().getPath().substring("/blobs/".length()));
        return;
      }
      Map<String, String> query = query(ex.getRequestURI().getRawQuery());
      for (Route route : routes) {
        Matcher m = route.path().matcher(path);
        if (!route.method().equals(ex.getRequestMethod()) || !m.matches()) continue;
        Call call = new Call(ex, m, query, ex.getRequestBody().readAllBytes());
        if (route.signed() && !"fake".equals(query.get("signature"))) {
          send(ex, error(403, "forbidden", "unsigned"));
          return;
        }
        if (route.signed() && hasToken) {
          send(ex, TOKEN_TO_SIGNED_URL);
          return;
        }
        if (!route.signed()
            && !token.isEmpty()
            && !("Bearer " + token).equals(call.header("Authorization"))) {
          send(ex, error(401, "unauthorized", "this endpoint needs the component token"));
          return;
        }
        Answer refused = refuse(call);
        send(ex, refused != null ? refused : route.endpoint().answer(call));
        return;
      }
      send(ex, error(404, "not_found", "no route " + ex.getRequestMethod() + " " + path));
    } catch (JsonProcessingException e) {
      // A body the endpoint's record cannot read: the api's answer to that is a 400, not silence.
      send(ex, error(400, "bad_request", e.getOriginalMessage()));
    } catch (RuntimeException e) {
      send(ex, error(500, "internal", e.toString()));
    }
  }

  /**
   * A signed URL may name another host: a component that sends its token there leaks it. The real
   * api would not notice; this fake refuses, so such a leak fails the component's tests.
   */
  private static final Answer TOKEN_TO_SIGNED_URL =
      error(400, "token_leaked", "the component token was sent to a signed URL");

  private void blob(HttpExchange ex, String key) throws IOException {
    if (!"signature=fake".equals(ex.getRequestURI().getQuery())) {
      send(ex, error(403, "forbidden", "unsigned"));
    } else if (ex.getRequestMethod().equals("PUT")) {
      blobs.put(key, ex.getRequestBody().readAllBytes());
      send(ex, ok(Map.of("size", blobs.get(key).length)));
    } else {
      byte[] blob = blobs.get(key);
      blobReads.add(key);
      send(ex, blob == null ? error(404, "not_found", "no such blob") : new Answer(200, blob));
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw == null) return q;
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        q.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }

  private static void send(HttpExchange ex, Answer answer) throws IOException {
    if (answer == WRITTEN) return;
    Object body = answer.body();
    byte[] bytes =
        body == null
            ? new byte[0]
            : body instanceof byte[] b
                ? b
                : body instanceof String s
                    ? s.getBytes(StandardCharsets.UTF_8)
                    : WireJson.MAPPER.writeValueAsBytes(body);
    if (!(body instanceof byte[])) ex.getResponseHeaders().set("Content-Type", "application/json");
    boolean empty = answer.status() == 204 || bytes.length == 0;
    ex.sendResponseHeaders(answer.status(), empty ? -1 : bytes.length);
    if (!empty) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
