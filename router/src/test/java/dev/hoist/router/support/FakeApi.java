package dev.hoist.router.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The api's two endpoints the router uses, on a JDK HttpServer: {@code GET /internal/routes} with its
 * long-poll (answers when the revision passes {@code since}, else after {@code wait} seconds) and
 * {@code POST /internal/logs} in its text form, the one the router sends. Both demand the component token.
 */
public final class FakeApi implements AutoCloseable {
  public static final String TOKEN = "component-secret";
  private static final ObjectMapper JSON = new ObjectMapper();

  public final List<String> routeQueries = new CopyOnWriteArrayList<>();
  public final List<JsonNode> logLines = new CopyOnWriteArrayList<>();
  public final List<Integer> logBatchSizes = new CopyOnWriteArrayList<>();
  public final AtomicInteger failures = new AtomicInteger();
  public volatile int failWith;
  private volatile boolean closed;
  private final Object lock = new Object();
  private String routes;
  private long revision;
  private final HttpServer server;

  public FakeApi(int port, long revision, String appsJson) throws IOException {
    setRoutes(revision, appsJson);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-api");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/internal/routes", this::routes);
    server.createContext("/internal/logs", this::logs);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** A new table; a poll waiting on an older revision answers at once. */
  public void setRoutes(long revision, String appsJson) {
    synchronized (lock) {
      this.revision = revision;
      this.routes = "{\"revision\":" + revision + ",\"apps\":" + appsJson + "}";
      lock.notifyAll();
    }
  }

  /** Wakes waiting polls without a change, so they notice {@link #failWith}. */
  public void wake() {
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  private void routes(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    routeQueries.add(query == null ? "" : query);
    if (refused(exchange)) return;
    long since = query != null && query.contains("since=") ? Long.parseLong(query.replaceAll(".*since=(-?\\d+).*", "$1")) : -1;
    long deadline = System.currentTimeMillis() + 30_000;
    String body;
    synchronized (lock) {
      while (!closed && failWith == 0 && since >= 0 && revision <= since && System.currentTimeMillis() < deadline) {
        try {
          lock.wait(Math.max(1, deadline - System.currentTimeMillis()));
        } catch (InterruptedException e) {
          return;
        }
      }
      body = routes;
    }
    if (!refused(exchange)) reply(exchange, 200, body); // failing may have started while this poll waited
  }

  /**
   * The text form, checked as the api checks it: {@code ?source=S&dyno=D}, then {@code APP TIME MESSAGE}
   * per LF-ended line; a bad line refuses the batch. Each line is kept as the JSON form's object, so
   * tests read it by field.
   */
  private void logs(HttpExchange exchange) throws IOException {
    if (refused(exchange)) return;
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String body = utf8(exchange.getRequestBody().readAllBytes());
    if (type == null || !type.replace(" ", "").equalsIgnoreCase("text/plain;charset=utf-8")
        || !query.containsKey("source") || !query.containsKey("dyno") || body == null) {
      reply(exchange, 400, "{\"id\":\"bad_request\",\"message\":\"want source, dyno and UTF-8 text/plain\"}");
      return;
    }
    List<ObjectNode> batch = new ArrayList<>();
    for (int start = 0, end; start < body.length(); start = end + 1) {
      end = body.indexOf('\n', start);
      if (end < 0) end = body.length();
      String[] line = body.substring(start, end).split(" ", 3);
      if (line.length < 3 || line[0].isEmpty() || !isTime(line[1]) || utf8Length(line[2]) > 10_000) {
        reply(exchange, 422, "{\"id\":\"invalid_params\"}");
        return;
      }
      batch.add(JSON.createObjectNode().put("app", line[0]).put("source", query.get("source"))
          .put("dyno", query.get("dyno")).put("time", line[1]).put("message", line[2]));
    }
    if (batch.size() > 1000) {
      reply(exchange, 413, "{\"id\":\"payload_too_large\"}");
      return;
    }
    logBatchSizes.add(batch.size());
    logLines.addAll(batch);
    reply(exchange, 200, "{\"accepted\":" + batch.size() + ",\"dropped\":0}");
  }

  /** The text, or null if the bytes are not valid UTF-8. */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static boolean isTime(String text) {
    try {
      Instant.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new HashMap<>();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq < 0) continue;
      params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  private boolean refused(HttpExchange exchange) throws IOException {
    if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      reply(exchange, 401, "{\"id\":\"unauthorized\"}");
      return true;
    }
    if (failWith != 0) {
      failures.incrementAndGet();
      reply(exchange, failWith, "{\"id\":\"broken\"}");
      return true;
    }
    return false;
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
    synchronized (lock) {
      lock.notifyAll();
    }
  }
}
