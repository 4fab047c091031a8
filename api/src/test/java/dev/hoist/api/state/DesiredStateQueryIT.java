package dev.hoist.api.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.api.app.AppRepository;
import dev.hoist.api.blob.BlobSigner;
import dev.hoist.api.dyno.DynoCommands;
import dev.hoist.api.formation.FormationRepository;
import dev.hoist.api.release.CurrentRelease;
import dev.hoist.api.release.ReleaseRepository;
import dev.hoist.api.slug.SlugRepository;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.CountingDataSource;
import dev.hoist.api.support.Http;
import dev.hoist.api.support.Seed;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code GET /internal/state} read in a fixed number of statements: its answer is the one the
 * per-app reads gave ({@link PerAppDesiredState}) for every kind of app, and its statements do not
 * grow with the apps.
 */
class DesiredStateQueryIT extends ApiTest {
  @Autowired AppRepository apps;
  @Autowired CurrentRelease current;
  @Autowired SlugRepository slugs;
  @Autowired FormationRepository formations;
  @Autowired BlobSigner signer;
  @Autowired DynoCommands commands;
  @Autowired ReleaseRepository releases;
  @Autowired TransactionTemplate tx;
  @Autowired ObjectMapper json;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theStateOfEveryKindOfAppIsWhatThePerAppReadsGave() throws Exception {
    Http user = newUser();
    String blank = newApp(user, "blank");
    String busy = busyApp(user);
    String phase = newApp(user, "phase");
    deploy(user, phase, Map.of("web", "node server.js"));
    deploy(user, phase, Map.of("web", "node server.js", "release", "./migrate.sh"));
    String rolledBack = newApp(user, "rolledback");
    deploy(user, rolledBack, Map.of("web", "node server.js", "clock", "./tick"));
    assertThat(user.post("/apps/" + rolledBack + "/releases", Map.of("release", 1)).status())
        .isEqualTo(201);
    String platform = platformApp();

    Http.Response answered = component().get("/internal/state");
    JsonNode answer = ok(answered);
    List<DesiredState.AppState> perApp = tx.execute(status -> oracle().apps());

    assertThat(appIn(answer, blank).at("/release/version").asInt()).isEqualTo(1);
    assertThat(appIn(answer, blank).at("/release/slug").isNull()).isTrue();
    JsonNode mine = appIn(answer, busy);
    assertThat(mine.get("one_offs")).hasSize(2);
    assertThat(mine.get("restarts").size()).isEqualTo(2);
    assertThat(mine.get("formation")).hasSize(2);
    assertThat(appIn(answer, phase).at("/one_offs/0/release/version").asInt()).isEqualTo(3);
    assertThat(appIn(answer, rolledBack).at("/release/slug").isNull()).isTrue();
    assertThat(appIn(answer, platform).at("/dyno_options/port").asInt()).isEqualTo(8080);
    assertThat(signedUrlsVerified(answer)).as("slugs signed in the answer").isGreaterThan(3);
    assertThat(answered.headers().firstValue("Content-Type"))
        .as("the JSON type asked for, as before")
        .hasValue("application/vnd.heroku+json;version=3");

    String expected =
        json.writeValueAsString(new DesiredState(answer.get("revision").asLong(), perApp));
    assertThat(unsigned(answered.text()))
        .as("every app, field for field, in the order the per-app reads gave them")
        .isEqualTo(unsigned(expected));
  }

  @Test
  void aChangeIsInTheNextAnswerEvenWhenAnotherApiMadeIt() {
    Http user = newUser();
    String app = newApp(user, "moved");
    deploy(user, app, Map.of("web", "node server.js"));
    JsonNode before = ok(component().get("/internal/state"));
    assertThat(appIn(before, app).get("stack_image").isNull()).isTrue();

    ok(user.patch("/apps/" + app + "/config-vars", Map.of("GREETING", "hello")));
    assertThat(appIn(ok(component().get("/internal/state")), app).at("/release/config/GREETING"))
        .hasToString("\"hello\"");

    // As another api process would: the row and the revision change, and no watcher here is told.
    jdbc.update("update apps set stack_image = 'hoist/other:1' where name = ?", app);
    jdbc.update("update state_revision set revision = revision + 1 where id = 1");
    JsonNode after = ok(component().get("/internal/state"));
    assertThat(appIn(after, app).get("stack_image").asText()).isEqualTo("hoist/other:1");
    assertThat(after.get("revision").asLong()).isGreaterThan(before.get("revision").asLong());
  }

  @Test
  void readingTheStateTakesAsManyStatementsWithMoreApps() {
    CountingDataSource counting = new CountingDataSource(dataSource);
    DesiredStateQuery query = new DesiredStateQuery(new JdbcTemplate(counting), signer);
    busyApp(newUser());
    int appsBefore = query.read(1).apps().size();
    int before = counting.take();

    Http user = newUser();
    for (int i = 0; i < 3; i++) busyApp(user);
    counting.take();
    DesiredState after = query.read(1);
    int statements = counting.take();

    assertThat(after.apps()).hasSizeGreaterThanOrEqualTo(appsBefore + 3);
    assertThat(statements).isEqualTo(before).isEqualTo(5);
  }

  /** Deployed web and worker, config, scaled, restarted, with two one-offs; answers its name. */
  private String busyApp(Http user) {
    String app = newApp(user, "busy");
    ok(user.patch("/apps/" + app + "/config-vars", Map.of("GREETING", "hi", "A_FIRST", "1")));
    deploy(user, app, Map.of("web", "node server.js", "worker", "node worker.js"));
    ok(
        user.patch(
            "/apps/" + app + "/formation",
            Map.of(
                "updates",
                List.of(
                    Map.of("type", "web", "quantity", 2, "size", "standard-2X"),
                    Map.of("type", "worker", "quantity", 1)))));
    ok(user.delete("/apps/" + app + "/dynos"));
    ok(user.delete("/apps/" + app + "/dynos/web"));
    Map<String, Object> run = new HashMap<>();
    run.put("command", "bash");
    run.put("attach", true);
    run.put("env", Map.of("Z", "1", "B", "2"));
    run.put("size", "performance-M");
    run.put("time_to_live", 600);
    assertThat(user.post("/apps/" + app + "/dynos", run).status()).isEqualTo(201);
    assertThat(user.post("/apps/" + app + "/dynos", Map.of("command", "rake db:migrate")).status())
        .isEqualTo(201);
    return app;
  }

  private String platformApp() {
    String name = appName("hoist-snap");
    Seed seed = new Seed(component());
    seed.ensure(
        name,
        Map.of(
            "stack_image",
            "hoist/stack-run:current",
            "dyno_options",
            Map.of(
                "host_network",
                true,
                "port",
                8080,
                "mounts",
                List.of(Map.of("source", "/srv/a", "target", "/a", "read_only", true)))));
    seed.deploy(name, Map.of("web", "./server"), "c1", "web", 1);
    return name;
  }

  private PerAppDesiredState oracle() {
    return new PerAppDesiredState(apps, current, slugs, formations, signer, commands, releases);
  }

  private static JsonNode appIn(JsonNode state, String app) {
    for (JsonNode a : state.get("apps")) if (a.get("name").asText().equals(app)) return a;
    throw new AssertionError(app + " is not in the state");
  }

  /** The JSON with the expiry and signature of each signed URL masked. */
  private static String unsigned(String json) {
    return json.replaceAll("expires=[0-9]+&signature=[A-Za-z0-9_-]+", "expires=E&signature=S");
  }

  /**
   * Checks every slug's signed URL and replaces it with its unsigned part (two reads a second apart
   * sign different expiry times); answers how many there were.
   */
  private int signedUrlsVerified(JsonNode node) {
    int n = 0;
    if (node.isObject() && node.has("blob_url")) {
      URI url = URI.create(node.get("blob_url").asText());
      Map<String, String> query = new HashMap<>();
      for (String pair : url.getRawQuery().split("&")) {
        query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
      String key = url.getPath().substring("/blobs/".length());
      assertThat(query.get("method")).isEqualTo("GET");
      assertThat(
              signer.verify(
                  "GET", key, Long.parseLong(query.get("expires")), query.get("signature")))
          .as("signature of %s", url)
          .isTrue();
      ((ObjectNode) node).put("blob_url", url.getPath());
      n++;
    }
    for (JsonNode child : node) n += signedUrlsVerified(child);
    return n;
  }
}
