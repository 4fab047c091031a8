package dev.hoist.router.support;

import static dev.hoist.internal.testing.FakeApiServer.error;
import static dev.hoist.internal.testing.FakeApiServer.ok;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.internal.WireJson;
import dev.hoist.internal.routes.RouteSnapshot;
import dev.hoist.internal.testing.FakeApiServer;
import dev.hoist.internal.testing.FakeApiServer.Answer;
import dev.hoist.internal.testing.FakeApiServer.Call;
import dev.hoist.internal.testing.Revisioned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The api's two endpoints the router uses, on the internal API's {@link FakeApiServer}: {@code GET
 * /internal/routes} with its long poll, answered with {@link RouteSnapshot} records, and {@code
 * POST /internal/logs} in its text form, the one the router sends. Both demand the component token.
 */
public final class FakeApi implements AutoCloseable {
  public static final String TOKEN = "component-secret";

  public final List<String> routeQueries = new CopyOnWriteArrayList<>();
  public final List<JsonNode> logLines = new CopyOnWriteArrayList<>();
  public final List<Integer> logBatchSizes = new CopyOnWriteArrayList<>();
  public final AtomicInteger failures = new AtomicInteger();

  /** When set, every call is answered with this status, as an api that breaks. */
  public volatile int failWith;

  private final Revisioned<RouteSnapshot> routes =
      new Revisioned<>(new RouteSnapshot(0L, List.of()), RouteSnapshot::revision);
  private final FakeApiServer server;

  /**
   * @param appsJson the {@code apps} array of the route table, as the api writes it
   */
  public FakeApi(int port, long revision, String appsJson) throws IOException {
    setRoutes(revision, appsJson);
    server =
        new FakeApiServer(port, TOKEN) {
          @Override
          protected Answer refuse(Call call) {
            return failing();
          }
        };
    server.on("GET", "/internal/routes", this::routes);
    server.on("POST", "/internal/logs", this::logs);
  }

  public String url() {
    return server.url();
  }

  public int port() {
    return server.port();
  }

  /** A new table; a poll waiting on an older revision answers at once. */
  public void setRoutes(long revision, String appsJson) {
    try {
      routes.set(
          new RouteSnapshot(
              revision,
              WireJson.MAPPER.readValue(
                  appsJson, new TypeReference<List<RouteSnapshot.App>>() {})));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Wakes waiting polls without a change, so they notice {@link #failWith}. */
  public void wake() {
    routes.wake();
  }

  private Answer failing() {
    if (failWith == 0) return null;
    failures.incrementAndGet();
    return error(failWith, "broken", "the fake api is failing on purpose");
  }

  private Answer routes(Call call) {
    String query = call.exchange().getRequestURI().getQuery();
    routeQueries.add(query == null ? "" : query);
    String since = call.query().get("since");
    RouteSnapshot table;
    try {
      table = routes.await(since == null ? null : Long.valueOf(since), Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      return error(503, "closing", "the fake api is closing");
    }
    Answer refused = failing(); // failing may have started while this poll waited
    return refused != null ? refused : ok(table);
  }

  /**
   * The text form, checked as the api checks it: {@code ?source=S&dyno=D}, then {@code APP TIME
   * MESSAGE} per LF-ended line; a bad line refuses the batch. Each line is kept as the JSON form's
   * object, so tests read it by field.
   */
  private Answer logs(Call call) {
    String type = call.header("Content-Type");
    Map<String, String> query = call.query();
    String body = utf8(call.body());
    if (type == null
        || !type.replace(" ", "").equalsIgnoreCase("text/plain;charset=utf-8")
        || !query.containsKey("source")
        || !query.containsKey("dyno")
        || body == null) {
      return error(400, "bad_request", "want source, dyno and UTF-8 text/plain");
    }
    List<ObjectNode> batch = new ArrayList<>();
    for (int start = 0, end; start < body.length(); start = end + 1) {
      end = body.indexOf('\n', start);
      if (end < 0) end = body.length();
      String[] line = body.substring(start, end).split(" ", 3);
      if (line.length < 3
          || line[0].isEmpty()
          || !isTime(line[1])
          || utf8Length(line[2]) > 10_000) {
        return error(422, "invalid_params", "a line is not APP TIME MESSAGE");
      }
      batch.add(
          WireJson.MAPPER
              .createObjectNode()
              .put("app", line[0])
              .put("source", query.get("source"))
              .put("dyno", query.get("dyno"))
              .put("time", line[1])
              .put("message", line[2]));
    }
    if (batch.size() > 1000) {
      return error(413, "payload_too_large", "more than 1,000 lines");
    }
    logBatchSizes.add(batch.size());
    logLines.addAll(batch);
    return ok(Map.of("accepted", batch.size(), "dropped", 0));
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

  @Override
  public void close() {
    server.close();
  }
}
