package dev.hoist.dynos;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hoist.dynos.api.DesiredState;
import dev.hoist.dynos.api.DesiredState.AppState;
import dev.hoist.dynos.api.DynoReport;
import dev.hoist.dynos.api.Json;
import dev.hoist.dynos.api.LogLine;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The api's internal endpoints, faked in-process for the dyno manager's integration tests: it serves a desired
 * state the test sets (long poll included), slug downloads, and records dyno reports, log lines and one-off exits.
 */
final class FakeApi implements AutoCloseable {
  static final String TOKEN = "test-component-token";
  private static final Pattern DYNOS = Pattern.compile("/internal/apps/([^/]+)/dynos");
  private static final Pattern EXIT = Pattern.compile("/internal/apps/([^/]+)/one-offs/([^/]+)/exit");

  private final HttpServer server;
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  private final Map<String, List<DynoReport>> latest = new ConcurrentHashMap<>();
  final List<Map.Entry<String, List<DynoReport>>> reports = new CopyOnWriteArrayList<>();
  final List<LogLine> logs = new CopyOnWriteArrayList<>();
  final Map<String, Integer> exits = new ConcurrentHashMap<>();
  private DesiredState state = new DesiredState(1, List.of());

  FakeApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  String blobUrl(String id, byte[] bytes) {
    blobs.put(id, bytes);
    return url() + "/blobs/" + id + "?signature=test";
  }

  /** Replaces one app's desired state (or adds it) and moves the revision. */
  synchronized void put(AppState app) {
    List<AppState> apps = new ArrayList<>(state.apps().stream().filter(a -> !a.name().equals(app.name())).toList());
    apps.add(app);
    state = new DesiredState(state.revision() + 1, apps);
    notifyAll();
  }

  synchronized void remove(String app) {
    state = new DesiredState(state.revision() + 1, state.apps().stream().filter(a -> !a.name().equals(app)).toList());
    notifyAll();
  }

  synchronized AppState app(String name) {
    return state.app(name).orElseThrow();
  }

  List<DynoReport> dynos(String app) {
    return latest.getOrDefault(app, List.of());
  }

  List<String> messages(String app, String dyno) {
    return logs.stream().filter(l -> l.app().equals(app) && (dyno == null || dyno.equals(l.dyno())))
        .map(LogLine::message).toList();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path.startsWith("/blobs/")) {
        byte[] blob = blobs.get(path.substring("/blobs/".length()));
        send(ex, blob == null ? 404 : 200, blob == null ? new byte[0] : blob);
        return;
      }
      if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        send(ex, 401, "{\"id\":\"unauthorized\"}".getBytes());
        return;
      }
      Matcher m;
      if (path.equals("/internal/state")) {
        send(ex, 200, Json.MAPPER.writeValueAsBytes(awaitState(ex.getRequestURI().getQuery())));
      } else if ((m = DYNOS.matcher(path)).matches()) {
        List<DynoReport> list = Json.MAPPER.readValue(body(ex), new TypeReference<>() {});
        latest.put(m.group(1), list);
        reports.add(Map.entry(m.group(1), list));
        send(ex, 200, "[]".getBytes());
      } else if (path.equals("/internal/logs")) {
        logs.addAll(Json.MAPPER.readValue(body(ex), new TypeReference<List<LogLine>>() {}));
        send(ex, 202, new byte[0]);
      } else if ((m = EXIT.matcher(path)).matches()) {
        int status = Json.MAPPER.readTree(body(ex)).get("status").asInt();
        exits.put(m.group(1) + "/" + m.group(2), status);
        dropOneOff(m.group(1), m.group(2));
        send(ex, 204, new byte[0]);
      } else {
        send(ex, 404, new byte[0]);
      }
    }
  }

  private synchronized DesiredState awaitState(String query) {
    Map<String, String> q = new ConcurrentHashMap<>();
    if (query != null) for (String kv : query.split("&")) q.put(kv.split("=")[0], kv.split("=", 2)[1]);
    if (q.containsKey("since")) {
      long since = Long.parseLong(q.get("since"));
      long until = System.currentTimeMillis() + Long.parseLong(q.getOrDefault("wait", "30")) * 1000;
      try {
        while (state.revision() <= since && System.currentTimeMillis() < until) wait(until - System.currentTimeMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return state;
  }

  private synchronized void dropOneOff(String app, String name) {
    state.app(app).ifPresent(a -> put(new AppState(a.id(), a.name(), a.stackImage(), a.release(), a.formation(), a.restarts(),
        a.oneOffs().stream().filter(o -> !o.name().equals(name)).toList())));
  }

  private static byte[] body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) ex.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
