package dev.hoist.build.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hoist.build.api.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small in-process stand-in for the api's internal endpoints (docs/internal-api.md), on the JDK's
 * HTTP server: accounts, keys and API keys, apps and their members, a blob store behind "signed" URLs,
 * builds whose output the test scripts ({@link FakeBuilds}), and a build queue for slug compilers. It
 * records what it was sent, for the tests to assert on.
 */
public final class FakeApi implements AutoCloseable {
  public static final String TOKEN = "component-token-for-tests";

  public record App(String id, String name, Set<String> members) {}

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  public final Map<String, String> accountsByFingerprint = new ConcurrentHashMap<>();
  public final Map<String, String> accountsByApiKey = new ConcurrentHashMap<>();
  public final Map<String, App> apps = new ConcurrentHashMap<>();
  public final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  public final List<String> blobReads = new CopyOnWriteArrayList<>();
  public final FakeBuilds builds = new FakeBuilds(this);
  /** When set, the access check answers 500: the gateway's internal-error path. */
  public volatile boolean failAccess;

  public FakeApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String account(String email, String fingerprint, String apiKey) {
    String id = UUID.randomUUID().toString();
    if (fingerprint != null) accountsByFingerprint.put(fingerprint, id);
    if (apiKey != null) accountsByApiKey.put(apiKey, id);
    return id;
  }

  public App app(String name, String... members) {
    App app = new App(UUID.randomUUID().toString(), name, Set.of(members));
    apps.put(name, app);
    return app;
  }

  /** A signed-looking URL of a blob; the fake checks only that a signature is there. */
  public String blobUrl(String key) {
    return url() + "/blobs/" + key + "?signature=fake";
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path.startsWith("/blobs/")) {
        blob(ex, path.substring("/blobs/".length()));
      } else if (path.startsWith("/streams/")) {
        builds.stream(ex, path.substring("/streams/".length()));
      } else if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        send(ex, 401, Map.of("id", "unauthorized", "message", "this endpoint needs the component token"));
      } else {
        internal(ex, ex.getRequestMethod() + " " + path);
      }
    } catch (RuntimeException e) {
      e.printStackTrace();
      send(ex, 500, Map.of("id", "internal", "message", e.toString()));
    }
  }

  private static final Pattern ACCESS = Pattern.compile("GET /internal/apps/([^/]+)/access/([^/]+)");
  private static final Pattern APP_CALL = Pattern.compile("(GET|POST) /internal/apps/([^/]+)/(sources|repo|builds)(/[^/]+)?");

  private void internal(HttpExchange ex, String call) throws IOException {
    Matcher m;
    if (call.equals("GET /internal/keys")) {
      String fp = query(ex).get("fingerprint");
      String id = fp == null ? null : accountsByFingerprint.get(fp);
      if (id == null) send(ex, 404, Map.of("id", "not_found", "message", "no account has that key"));
      else send(ex, 200, Map.of("account", Map.of("id", id, "email", id + "@example.com")));
    } else if (call.equals("POST /internal/auth")) {
      String id = accountsByApiKey.get(body(ex).path("api_key").asText(""));
      if (id == null) send(ex, 401, Map.of("id", "unauthorized", "message", "that API key is not valid"));
      else send(ex, 200, Map.of("account", Map.of("id", id, "email", id + "@example.com")));
    } else if ((m = ACCESS.matcher(call)).matches()) {
      App app = apps.get(m.group(1));
      if (failAccess) send(ex, 500, Map.of("id", "internal", "message", "the database is on fire"));
      else if (app == null || !app.members().contains(m.group(2))) send(ex, 404, Map.of("id", "not_found", "message", "no"));
      else send(ex, 200, Map.of("app", Map.of("id", app.id(), "name", app.name())));
    } else if ((m = APP_CALL.matcher(call)).matches() && apps.containsKey(m.group(2))) {
      App app = apps.get(m.group(2));
      switch (m.group(3)) {
        case "sources" -> {
          String key = "sources/" + UUID.randomUUID() + ".tgz";
          send(ex, 201, Map.of("get_url", blobUrl(key), "put_url", blobUrl(key)));
        }
        case "repo" -> {
          String key = "repos/" + app.id() + ".tgz";
          send(ex, 200, Map.of("get_url", blobUrl(key), "put_url", blobUrl(key)));
        }
        default -> builds.appCall(ex, app, m.group(1), m.group(4) == null ? null : m.group(4).substring(1));
      }
    } else if (call.startsWith("POST /internal/builds/")) {
      builds.builderCall(ex, call.substring("POST /internal/builds/".length()));
    } else {
      send(ex, 404, Map.of("id", "not_found", "message", "no route " + call));
    }
  }

  private void blob(HttpExchange ex, String key) throws IOException {
    if (!"signature=fake".equals(ex.getRequestURI().getQuery())) {
      send(ex, 403, Map.of("id", "forbidden", "message", "unsigned"));
    } else if (ex.getRequestMethod().equals("PUT")) {
      blobs.put(key, ex.getRequestBody().readAllBytes());
      send(ex, 200, Map.of("size", blobs.get(key).length));
    } else {
      byte[] blob = blobs.get(key);
      blobReads.add(key);
      if (blob == null) {
        send(ex, 404, Map.of("id", "not_found", "message", "no such blob"));
      } else {
        ex.sendResponseHeaders(200, blob.length);
        ex.getResponseBody().write(blob);
      }
    }
  }

  static JsonNode body(HttpExchange ex) throws IOException {
    byte[] bytes = ex.getRequestBody().readAllBytes();
    return bytes.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(bytes);
  }

  static Map<String, String> query(HttpExchange ex) {
    Map<String, String> q = new HashMap<>();
    String raw = ex.getRequestURI().getRawQuery();
    if (raw == null) return q;
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return q;
  }

  static void send(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = body == null ? new byte[0] : Json.MAPPER.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
    if (status != 204) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
    return lines;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
