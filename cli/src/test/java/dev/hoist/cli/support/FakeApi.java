package dev.hoist.cli.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hoist.cli.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the Hoist API on an ephemeral port: canned answers per method and path, and a
 * record of every request it saw. Unknown routes answer 404 in the API's error shape.
 */
public final class FakeApi implements AutoCloseable {

  public record Request(
      String method, String path, String query, Map<String, List<String>> headers, String body) {

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private record Answer(int status, String body) {}

  /**
   * A {@code text/plain} answer sent in chunks, each flushed on its own; then ended, or with {@code
   * cut} the connection is broken instead.
   */
  private record Stream(List<String> chunks, boolean cut) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, Queue<Answer>> sequences = new ConcurrentHashMap<>();
  private final Map<String, Stream> streams = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public FakeApi() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Answers {@code method path} (path as sent, query excluded) with {@code status} and {@code
   * json}.
   */
  public FakeApi on(String method, String path, int status, String json) {
    answers.put(method + " " + path, new Answer(status, json));
    return this;
  }

  /**
   * Answers {@code method path} with 200 and each of {@code jsons} in turn, the last one from then
   * on: a resource that changes between two reads.
   */
  public FakeApi onEach(String method, String path, String... jsons) {
    Queue<Answer> queue = new ConcurrentLinkedQueue<>();
    for (String json : jsons) {
      queue.add(new Answer(200, json));
    }
    sequences.put(method + " " + path, queue);
    answers.put(method + " " + path, new Answer(200, jsons[jsons.length - 1]));
    return this;
  }

  /**
   * Answers {@code method path} with 200 and a chunked {@code text/plain} body, flushing each
   * chunk.
   */
  public FakeApi stream(String method, String path, String... chunks) {
    streams.put(method + " " + path, new Stream(List.of(chunks), false));
    return this;
  }

  /**
   * As {@link #stream}, but after the chunks the connection is broken rather than the body ended:
   * what a client sees when the server serving it dies.
   */
  public FakeApi streamThenCut(String method, String path, String... chunks) {
    streams.put(method + " " + path, new Stream(List.of(chunks), true));
    return this;
  }

  /**
   * Answers the next {@code method path} with {@code status} and {@code json}, once; answers given
   * so are used in the order given, before the one {@link #on} set.
   */
  public FakeApi once(String method, String path, int status, String json) {
    sequences
        .computeIfAbsent(method + " " + path, key -> new ConcurrentLinkedQueue<>())
        .add(new Answer(status, json));
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> requests(String method) {
    return requests.stream().filter(r -> r.method().equals(method)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getRawPath();
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            path,
            exchange.getRequestURI().getRawQuery(),
            Map.copyOf(exchange.getRequestHeaders()),
            body));
    Stream stream = streams.get(exchange.getRequestMethod() + " " + path);
    if (stream != null) {
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(200, 0);
      for (String chunk : stream.chunks()) {
        exchange.getResponseBody().write(chunk.getBytes(StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
      }
      if (stream.cut()) {
        // HttpServer drops the connection, without the body's last chunk, when a handler throws
        throw new IOException("connection cut by the test");
      }
      exchange.close();
      return;
    }
    Queue<Answer> sequence = sequences.get(exchange.getRequestMethod() + " " + path);
    Answer next = sequence == null ? null : sequence.poll();
    Answer answer =
        next != null
            ? next
            : answers.getOrDefault(
                exchange.getRequestMethod() + " " + path,
                new Answer(
                    404, "{\"id\":\"not_found\",\"message\":\"no fake route for " + path + "\"}"));
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
