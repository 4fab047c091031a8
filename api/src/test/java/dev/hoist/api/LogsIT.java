package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Log intake from components, the bounded history, and log sessions (history and tail). */
class LogsIT extends ApiTest {
  @Autowired JdbcTemplate jdbc;

  private void send(String app, String source, String dyno, String message) {
    ok(
        component()
            .post(
                "/internal/logs",
                List.of(
                    Map.of(
                        "app",
                        app,
                        "source",
                        source,
                        "dyno",
                        dyno,
                        "time",
                        "2026-11-21T23:35:40.123456Z",
                        "message",
                        message))));
  }

  private String sessionUrl(Http user, String app, Map<String, Object> body) {
    Http.Response made = user.post("/apps/" + app + "/log-sessions", body);
    assertThat(made.status()).as("%s", made).isEqualTo(201);
    return made.json().get("logplex_url").asText();
  }

  @Test
  void aSessionReturnsRecentLinesInHerokusFormatWithoutAnApiKey() {
    Http user = newUser();
    String app = newApp(user, "logs");
    send(app, "app", "web.1", "listening on 5000");

    String url = sessionUrl(user, app, Map.of("lines", 100));
    String text = new String(Http.getBytes(url).body(), StandardCharsets.UTF_8);

    assertThat(text).contains("2026-11-21T23:35:40.123456+00:00 app[web.1]: listening on 5000");
    assertThat(text).contains("hoist[api]: Release v1 created by");
    assertThat(Http.getBytes(url).statusCode()).as("a session URL is single-use").isEqualTo(404);
  }

  @Test
  void sessionsFilterBySourceAndDynoOrType() {
    Http user = newUser();
    String app = newApp(user, "filter");
    send(app, "app", "web.1", "from web one");
    send(app, "app", "worker.1", "from worker");
    send(app, "hoist", "router", "at=info status=200");

    String appOnly =
        new String(Http.getBytes(sessionUrl(user, app, Map.of("source", "app"))).body());
    String web = new String(Http.getBytes(sessionUrl(user, app, Map.of("dyno", "web"))).body());

    assertThat(appOnly).contains("from web one", "from worker").doesNotContain("router");
    assertThat(web).contains("from web one").doesNotContain("from worker");
  }

  @Test
  void onlyTheLast1500LinesAreKept() {
    Http user = newUser();
    String app = newApp(user, "history");
    for (int batch = 0; batch < 2; batch++) {
      List<Map<String, String>> lines = new java.util.ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        lines.add(
            Map.of(
                "app",
                app,
                "source",
                "app",
                "dyno",
                "web.1",
                "message",
                "line " + (batch * 1000 + i)));
      }
      ok(component().post("/internal/logs", lines));
    }
    String text = new String(Http.getBytes(sessionUrl(user, app, Map.of("lines", 1500))).body());
    assertThat(text.lines().filter(l -> l.contains("app[web.1]"))).hasSize(1500);
    assertThat(text).contains("line 1999").doesNotContain("line 499\n");
  }

  @Test
  void linesPastTheLast1500AreDeletedNotJustHidden() {
    Http user = newUser();
    String app = newApp(user, "trim");
    for (int batch = 0; batch < 40; batch++) {
      List<Map<String, String>> lines = new java.util.ArrayList<>();
      for (int i = 0; i < 70; i++)
        lines.add(Map.of("app", app, "source", "app", "dyno", "web.1", "message", "line " + i));
      ok(component().post("/internal/logs", lines));
    }
    Integer stored =
        jdbc.queryForObject(
            "select sum(cardinality(times))::int from log_chunks c join apps a on a.id = c.app_id"
                + " where a.name = ?",
            Integer.class,
            app);
    assertThat(stored)
        .as("2,800 lines sent: the last 1,500, and at most a trim's step and a chunk more")
        .isBetween(1500, 1500 + 100 + 70);
  }

  @Test
  void aTailingSessionStreamsNewLinesAsTheyArrive() throws Exception {
    Http user = newUser();
    String app = newApp(user, "tail");
    String url = sessionUrl(user, app, Map.of("tail", true, "lines", 0));
    HttpResponse<java.io.InputStream> stream =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      send(app, "app", "web.2", "a new line");
      assertThat(reader.readLine()).endsWith("app[web.2]: a new line");
    }
  }

  @Test
  void badLogBatchesAreRefusedWhole() {
    Http user = newUser();
    String app = newApp(user, "badlogs");
    assertError(
        component()
            .post(
                "/internal/logs",
                List.of(
                    Map.of("app", app, "source", "app", "dyno", "web.1", "message", "fine"),
                    Map.of(
                        "app", app, "source", "kernel", "dyno", "web.1", "message", "bad source"))),
        422,
        "invalid_params");
    assertError(
        component()
            .post(
                "/internal/logs",
                List.of(
                    Map.of(
                        "app",
                        app,
                        "source",
                        "app",
                        "dyno",
                        "web.1",
                        "message",
                        "x".repeat(10_001)))),
        422,
        "invalid_params");
    assertError(user.post("/internal/logs", List.of()), 401, "unauthorized");
    assertError(
        user.post("/apps/" + app + "/log-sessions", Map.of("lines", 5000)), 422, "invalid_params");
    assertError(
        user.post("/apps/" + app + "/log-sessions", Map.of("source", "kernel")),
        422,
        "invalid_params");
    String text = new String(Http.getBytes(sessionUrl(user, app, Map.of())).body());
    assertThat(text).doesNotContain("fine");
  }

  @Test
  void linesOfUnknownAppsAreDropped() {
    Http.Response answer =
        component()
            .post(
                "/internal/logs",
                List.of(
                    Map.of(
                        "app",
                        "no-such-app-" + unique(),
                        "source",
                        "app",
                        "dyno",
                        "web.1",
                        "message",
                        "lost")));
    assertThat(ok(answer).get("dropped").asInt()).isEqualTo(1);
  }

  private Http.Response sendText(String query, String body) {
    return component()
        .with("Content-Type", "text/plain; charset=utf-8")
        .post("/internal/logs" + query, body);
  }

  @Test
  void takesTheTextFormOneLinePerLogLine() {
    Http user = newUser();
    String app = newApp(user, "textlogs");
    Http.Response answer =
        sendText(
            "?source=hoist&dyno=router",
            app
                + " 2026-11-21T23:35:40.123456Z at=info method=GET path=\"/caf\u00e9\" status=200\n"
                + "no-such-app-"
                + unique()
                + " 2026-11-21T23:35:41.000001Z lost\n");

    assertThat(ok(answer).get("accepted").asInt()).isEqualTo(1);
    assertThat(answer.json().get("dropped").asInt()).isEqualTo(1);
    String text =
        new String(
            Http.getBytes(sessionUrl(user, app, Map.of("source", "hoist"))).body(),
            StandardCharsets.UTF_8);
    assertThat(text)
        .contains(
            "2026-11-21T23:35:40.123456+00:00 hoist[router]: at=info method=GET path=\"/caf\u00e9\" status=200");
  }

  @Test
  void aBatchOfSeveralAppsKeepsEachAppsLinesApartAndInOrder() {
    Http user = newUser();
    List<String> apps = List.of(newApp(user, "mixa"), newApp(user, "mixb"), newApp(user, "mixc"));
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      String app = apps.get(i % 3); // interleaved: a, b, c, a, b, c, ...
      body.append(app).append(" 2026-11-21T23:35:40.123456Z ").append(app).append(" line ");
      body.append(i).append('\n');
    }
    assertThat(ok(sendText("?source=hoist&dyno=router", body.toString())).get("accepted").asInt())
        .isEqualTo(30);

    for (String app : apps) {
      List<String> lines =
          new String(
                  Http.getBytes(sessionUrl(user, app, Map.of("source", "hoist", "dyno", "router")))
                      .body(),
                  StandardCharsets.UTF_8)
              .lines()
              .toList();
      List<String> expected = new java.util.ArrayList<>();
      for (int i = 0; i < 30; i++) {
        if (apps.get(i % 3).equals(app))
          expected.add("2026-11-21T23:35:40.123456+00:00 hoist[router]: " + app + " line " + i);
      }
      assertThat(lines).as("the lines of %s", app).containsExactlyElementsOf(expected);
    }
  }

  /** Bad text batches are refused whole, with 422, and nothing of them is kept. */
  @Test
  void badTextBatchesAreRefusedWhole() {
    Http user = newUser();
    String app = newApp(user, "badtext");
    String fine = app + " 2026-11-21T23:35:40.123456Z fine\n";
    assertError(
        sendText("?source=hoist&dyno=router", fine + app + " yesterday bad time\n"),
        422,
        "invalid_params");
    assertError(
        sendText("?source=hoist&dyno=router", fine + "no-spaces-at-all\n"), 422, "invalid_params");
    assertError(sendText("?source=kernel&dyno=router", fine), 422, "invalid_params");
    assertError(sendText("?source=hoist&dyno=no%20spaces", fine), 422, "invalid_params");
    assertError(
        sendText(
            "?source=hoist&dyno=router", (app + " 2026-11-21T23:35:40.123456Z x\n").repeat(1001)),
        413,
        "payload_too_large");
    String text =
        new String(Http.getBytes(sessionUrl(user, app, Map.of("source", "hoist"))).body());
    assertThat(text).doesNotContain("fine");
  }
}
