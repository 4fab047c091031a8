package dev.hoist.router.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The api's two endpoints the router uses, on a JDK HttpServer: {@code GET /internal/routes} with its
 * long-poll (answers when the revision passes {@code since}, else after {@code wait} seconds) and
 * {@code POST /internal/logs}. Both demand the component token.
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

  private void logs(HttpExchange exchange) throws IOException {
    if (refused(exchange)) return;
    JsonNode batch = JSON.readTree(exchange.getRequestBody());
    logBatchSizes.add(batch.size());
    batch.forEach(logLines::add);
    reply(exchange, 200, "{\"accepted\":" + batch.size() + "}");
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
