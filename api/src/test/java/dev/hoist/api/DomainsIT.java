package dev.hoist.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /apps/{app}/domains} in Heroku's shape: every field of both kinds, every refusal (each a
 * 422 that changes nothing), one hostname to one app, and what the router's table says of them.
 */
class DomainsIT extends ApiTest {
  private static final List<String> FIELDS =
      List.of(
          "id",
          "hostname",
          "kind",
          "cname",
          "status",
          "acm_status",
          "acm_status_reason",
          "app",
          "sni_endpoint",
          "created_at",
          "updated_at");

  @Autowired JdbcTemplate jdbc;

  private static String host(String prefix) {
    return prefix + "." + unique() + ".example.com";
  }

  private static String domains(String app) {
    return "/apps/" + app + "/domains";
  }

  private static Http.Response add(Http user, String app, String hostname) {
    return user.post(domains(app), Map.of("hostname", hostname));
  }

  private static JsonNode added(Http user, String app, String hostname) {
    Http.Response answer = add(user, app, hostname);
    assertThat(answer.status()).as("%s", answer).isEqualTo(201);
    return answer.json();
  }

  private JsonNode routes() {
    return ok(component().get("/internal/routes"));
  }

  private static List<String> hostsOf(JsonNode table, String app) {
    for (JsonNode a : table.get("apps")) {
      if (a.get("name").asText().equals(app)) {
        List<String> hosts = new ArrayList<>();
        a.get("hosts").forEach(h -> hosts.add(h.asText()));
        return hosts;
      }
    }
    return null;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
    return names;
  }

  @Test
  void everyAppListsItsDefaultDomainInHerokusShape() {
    Http user = newUser();
    String app = newApp(user, "plain");
    JsonNode info = ok(user.get("/apps/" + app));

    JsonNode list = ok(user.get(domains(app)));

    assertThat(list).hasSize(1);
    JsonNode domain = list.get(0);
    assertThat(fieldNames(domain)).containsExactlyInAnyOrderElementsOf(FIELDS);
    assertThat(UUID.fromString(domain.get("id").asText())).isNotNull();
    assertThat(domain.get("hostname").asText()).isEqualTo(app + ".localhost");
    assertThat(domain.get("kind").asText()).isEqualTo("heroku");
    assertThat(domain.get("cname").isNull()).isTrue();
    assertThat(domain.get("status").asText()).isEqualTo("none");
    assertThat(domain.get("acm_status").isNull()).isTrue();
    assertThat(domain.get("acm_status_reason").isNull()).isTrue();
    assertThat(domain.get("sni_endpoint").isNull()).isTrue();
    assertThat(domain.at("/app/id").asText()).isEqualTo(info.get("id").asText());
    assertThat(domain.at("/app/name").asText()).isEqualTo(app);
    assertThat(domain.get("created_at").asText()).isEqualTo(info.get("created_at").asText());
    assertThat(Instant.parse(domain.get("updated_at").asText())).isNotNull();
  }

  @Test
  void addsACustomDomainWithEveryFieldAndFindsItByIdOrHostnameInAnyCase() {
    Http user = newUser();
    String app = newApp(user, "custom");
    String hostname = host("www");
    String appId = ok(user.get("/apps/" + app)).get("id").asText();
    Instant before = Instant.now().minusSeconds(1);

    JsonNode domain = added(user, app, hostname.toUpperCase() + ".");

    assertThat(fieldNames(domain)).containsExactlyInAnyOrderElementsOf(FIELDS);
    String id = domain.get("id").asText();
    assertThat(UUID.fromString(id)).isNotNull();
    assertThat(domain.get("hostname").asText())
        .as("stored in lower case, without the trailing dot")
        .isEqualTo(hostname);
    assertThat(domain.get("kind").asText()).isEqualTo("custom");
    assertThat(domain.get("cname").asText()).isEqualTo(app + ".localhost");
    assertThat(domain.get("status").asText()).isEqualTo("succeeded");
    assertThat(domain.get("acm_status").isNull()).isTrue();
    assertThat(domain.get("acm_status_reason").isNull()).isTrue();
    assertThat(domain.get("sni_endpoint").isNull()).isTrue();
    assertThat(domain.at("/app/id").asText()).isEqualTo(appId);
    assertThat(domain.at("/app/name").asText()).isEqualTo(app);
    assertThat(Instant.parse(domain.get("created_at").asText())).isAfter(before);
    assertThat(domain.get("updated_at").asText()).isEqualTo(domain.get("created_at").asText());

    JsonNode list = ok(user.get(domains(app)));
    assertThat(values(list, "kind")).containsExactly("heroku", "custom");
    assertThat(list.get(1)).isEqualTo(domain);
    assertThat(ok(user.get(domains(app) + "/" + id))).isEqualTo(domain);
    assertThat(ok(user.get(domains(app) + "/" + hostname))).isEqualTo(domain);
    assertThat(ok(user.get(domains(app) + "/" + hostname.toUpperCase()))).isEqualTo(domain);
    assertThat(ok(user.get(domains(app) + "/" + hostname + "."))).isEqualTo(domain);
  }

  @Test
  void acceptsHerokusCliBodyWithANullSniEndpoint() {
    Http user = newUser();
    String app = newApp(user, "cli");
    Map<String, Object> body = new HashMap<>();
    body.put("hostname", host("cli"));
    body.put("sni_endpoint", null);

    Http.Response answer = user.post(domains(app), body);

    assertThat(answer.status()).as("%s", answer).isEqualTo(201);
    assertThat(answer.json().get("sni_endpoint").isNull()).isTrue();
  }

  @Test
  void theDefaultDomainIsFoundByIdOrHostnameAndCannotBeRemoved() {
    Http user = newUser();
    String app = newApp(user, "dflt");
    JsonNode heroku = ok(user.get(domains(app))).get(0);

    assertThat(ok(user.get(domains(app) + "/" + heroku.get("id").asText()))).isEqualTo(heroku);
    assertThat(ok(user.get(domains(app) + "/" + app + ".LOCALHOST"))).isEqualTo(heroku);
    assertError(user.delete(domains(app) + "/" + app + ".localhost"), 422, "invalid_params");
    assertError(user.delete(domains(app) + "/" + heroku.get("id").asText()), 422, "invalid_params");
    assertThat(ok(user.get(domains(app)))).containsExactly(heroku);
  }

  @Test
  void aRenamedAppsDefaultDomainAndDnsTargetFollowItsNewName() {
    Http user = newUser();
    String app = newApp(user, "before");
    String hostname = host("renamed");
    added(user, app, hostname);
    String id = ok(user.get(domains(app))).get(0).get("id").asText();
    String renamed = appName("after");

    ok(user.patch("/apps/" + app, Map.of("name", renamed)));

    JsonNode list = ok(user.get(domains(renamed)));
    assertThat(list.get(0).get("hostname").asText()).isEqualTo(renamed + ".localhost");
    assertThat(list.get(0).get("id").asText()).as("the same domain, renamed").isEqualTo(id);
    assertThat(list.get(1).get("hostname").asText()).isEqualTo(hostname);
    assertThat(list.get(1).get("cname").asText()).isEqualTo(renamed + ".localhost");
    assertThat(hostsOf(routes(), renamed)).containsExactly(renamed + ".localhost", hostname);
  }

  @Test
  void refusesEveryMalformedHostnameWithA422AndChangesNothing() {
    Http user = newUser();
    String app = newApp(user, "bad");
    long revision = routes().get("revision").asLong();
    List<String> bad =
        List.of(
            "",
            " ",
            "localhost",
            "example",
            "exa_mple.com",
            "exa mple.com",
            "-www.example.com",
            "www-.example.com",
            "www..example.com",
            ".example.com",
            "example.com..",
            "a".repeat(64) + ".example.com",
            ("abcdefghi.").repeat(25) + "example.com",
            "1.2.3.4",
            "10.0.0.1.",
            "[::1]",
            "::1",
            "2001:db8::1",
            "example.123",
            "example.com:8080",
            "http://example.com/",
            "example.com/path",
            "bücher.example",
            "*",
            "*.",
            "*.com",
            "**.example.com",
            "*example.com",
            "www.*.example.com",
            "*.*.example.com",
            "www.example.*");

    for (String hostname : bad) {
      Http.Response answer = add(user, app, hostname);
      assertThat(answer.status()).as("%s: %s", hostname, answer).isEqualTo(422);
      assertThat(answer.errorId()).as(hostname).isEqualTo("invalid_params");
      assertThat(answer.message()).as(hostname).isNotBlank();
    }
    assertError(user.post(domains(app), Map.of()), 422, "invalid_params");
    assertError(
        user.post(domains(app), Map.of("hostname", host("sni"), "sni_endpoint", "my-cert")),
        422,
        "invalid_params");
    assertError(user.post(domains(app), Map.of("hostname", 42)), 400, "bad_request");
    assertError(
        user.post(domains(app), Map.of("hostname", host("x"), "extra", 1)), 400, "bad_request");

    assertThat(ok(user.get(domains(app)))).hasSize(1);
    assertThat(routes().get("revision").asLong()).as("nothing moved").isEqualTo(revision);
    assertThat(hostsOf(routes(), app)).containsExactly(app + ".localhost");
  }

  @Test
  void theMessagesSayWhatIsWrong() {
    Http user = newUser();
    String app = newApp(user, "msg");

    assertThat(add(user, app, "1.2.3.4").message()).contains("IP address");
    assertThat(add(user, app, "exa_mple.com").message()).contains("letters, digits, hyphens");
    assertThat(add(user, app, "www..example.com").message()).contains("empty label");
    assertThat(add(user, app, "example.com:8080").message()).contains("port");
    assertThat(add(user, app, "*.*.example.com").message()).contains("one leading '*.'");
    assertThat(add(user, app, "bücher.example").message()).contains("punycode");
    assertThat(add(user, app, "example").message()).contains("at least two labels");
    assertThat(add(user, app, "a".repeat(64) + ".example.com").message()).contains("63");
  }

  @Test
  void refusesNamesUnderThePlatformsAppsDomain() {
    Http user = newUser();
    String app = newApp(user, "platform");
    String other = newApp(user, "neighbour");

    for (String hostname :
        List.of(
            other + ".localhost",
            app + ".localhost",
            "API.localhost",
            "git.localhost.",
            "deep.name.localhost",
            "*.x.localhost")) {
      Http.Response answer = add(user, app, hostname);
      assertError(answer, 422, "invalid_params");
      assertThat(answer.message()).as(hostname).contains("apps domain");
    }
    assertThat(ok(user.get(domains(app)))).hasSize(1);
    assertThat(hostsOf(routes(), other)).containsExactly(other + ".localhost");
  }

  @Test
  void aHostnameBelongsToOneAppAndTheRefusalNamesNoApp() {
    Http owner = newUser();
    Http stranger = newUser();
    String app = newApp(owner, "holder");
    String sibling = newApp(owner, "sibling");
    String theirs = newApp(stranger, "theirs");
    String hostname = host("taken");
    added(owner, app, hostname);

    Http.Response byStranger = add(stranger, theirs, hostname.toUpperCase());
    Http.Response bySibling = add(owner, sibling, hostname);
    Http.Response again = add(owner, app, hostname + ".");

    assertError(byStranger, 422, "invalid_params");
    assertThat(byStranger.message()).contains("already in use").doesNotContain(app);
    assertError(bySibling, 422, "invalid_params");
    assertThat(bySibling.message()).contains("already in use").doesNotContain(app);
    assertError(again, 422, "invalid_params");
    assertThat(again.message()).contains("already a domain of " + app);
    assertThat(ok(stranger.get(domains(theirs)))).hasSize(1);
    assertThat(ok(owner.get(domains(sibling)))).hasSize(1);
    assertThat(values(ok(owner.get(domains(app))), "hostname"))
        .containsExactly(app + ".localhost", hostname);
    assertError(stranger.get(domains(theirs) + "/" + hostname), 404, "not_found");
    String id = ok(owner.get(domains(app) + "/" + hostname)).get("id").asText();
    assertError(stranger.get(domains(theirs) + "/" + id), 404, "not_found");
    assertError(stranger.delete(domains(theirs) + "/" + id), 404, "not_found");
    assertThat(ok(owner.get(domains(app)))).hasSize(2);
  }

  @Test
  void twoAppsRacingForOneHostnameGetOneDomainAndOneRefusal() throws Exception {
    Http user = newUser();
    for (int round = 0; round < 5; round++) {
      String first = newApp(user, "race");
      String second = newApp(user, "race");
      String hostname = host("race");

      CompletableFuture<Http.Response> a =
          CompletableFuture.supplyAsync(() -> add(user, first, hostname));
      CompletableFuture<Http.Response> b =
          CompletableFuture.supplyAsync(() -> add(user, second, hostname));
      List<Integer> statuses =
          List.of(a.get(60, TimeUnit.SECONDS).status(), b.get(60, TimeUnit.SECONDS).status());

      assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(201, 422);
      Http.Response loser = a.get().status() == 422 ? a.get() : b.get();
      assertThat(loser.errorId()).isEqualTo("invalid_params");
      assertThat(loser.message()).contains("already in use");
    }
  }

  @Test
  void wildcardsAreAcceptedBesideExactNamesOfOtherApps() {
    Http user = newUser();
    String wild = newApp(user, "wild");
    String exact = newApp(user, "exact");
    String zone = unique() + ".example.com";

    JsonNode wildcard = added(user, wild, "*." + zone.toUpperCase());
    JsonNode www = added(user, exact, "www." + zone);

    assertThat(wildcard.get("hostname").asText()).isEqualTo("*." + zone);
    assertThat(wildcard.get("kind").asText()).isEqualTo("custom");
    assertThat(www.get("hostname").asText()).isEqualTo("www." + zone);
    assertThat(ok(user.get(domains(wild) + "/*." + zone))).isEqualTo(wildcard);
    assertThat(ok(user.get(domains(wild) + "/%2A." + zone)))
        .as("as the cli sends it, percent-encoded")
        .isEqualTo(wildcard);
    assertError(add(user, exact, "*." + zone), 422, "invalid_params");
    JsonNode table = routes();
    assertThat(hostsOf(table, wild)).containsExactly(wild + ".localhost", "*." + zone);
    assertThat(hostsOf(table, exact)).containsExactly(exact + ".localhost", "www." + zone);
  }

  @Test
  void aDomainEntersTheRouteTableAndLeavesItWhenRemovedEachTimeMovingTheRevision() {
    Http user = newUser();
    String app = newApp(user, "routed");
    String hostname = host("routed");
    String second = host("second");
    long start = routes().get("revision").asLong();

    added(user, app, hostname);
    JsonNode afterAdd = routes();
    added(user, app, second);
    JsonNode afterSecond = routes();
    Http.Response removed = user.delete(domains(app) + "/" + hostname.toUpperCase());
    JsonNode afterRemove = routes();

    assertThat(afterAdd.get("revision").asLong()).isGreaterThan(start);
    assertThat(hostsOf(afterAdd, app)).containsExactly(app + ".localhost", hostname);
    assertThat(hostsOf(afterSecond, app))
        .as("the default first, then the custom ones in hostname order")
        .containsExactly(app + ".localhost", hostname, second);
    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.json().get("hostname").asText()).isEqualTo(hostname);
    assertThat(removed.json().get("kind").asText()).isEqualTo("custom");
    assertThat(afterRemove.get("revision").asLong())
        .isGreaterThan(afterSecond.get("revision").asLong());
    assertThat(hostsOf(afterRemove, app)).containsExactly(app + ".localhost", second);
    assertError(user.get(domains(app) + "/" + hostname), 404, "not_found");
    assertError(user.delete(domains(app) + "/" + hostname), 404, "not_found");
  }

  @Test
  void aWaitingRouterWakesWithTheNewDomain() throws Exception {
    Http user = newUser();
    String app = newApp(user, "watched");
    String hostname = host("watched");
    long since = routes().get("revision").asLong();
    CompletableFuture<JsonNode> watch =
        CompletableFuture.supplyAsync(
            () -> ok(component().get("/internal/routes?since=" + since + "&wait=30")));

    added(user, app, hostname);

    JsonNode woken = watch.get(40, TimeUnit.SECONDS);
    assertThat(woken.get("revision").asLong()).isGreaterThan(since);
    assertThat(hostsOf(woken, app))
        .as("the first table after the change has the domain")
        .contains(hostname);
  }

  @Test
  void deletingTheAppFreesItsDomainsAndTakesThemOutOfTheRouteTable() {
    Http user = newUser();
    String app = newApp(user, "doomed");
    String heir = newApp(user, "heir");
    String hostname = host("freed");
    String wildcard = "*." + unique() + ".example.com";
    added(user, app, hostname);
    added(user, app, wildcard);

    ok(user.delete("/apps/" + app));

    JsonNode table = routes();
    assertThat(hostsOf(table, app)).isNull();
    for (JsonNode a : table.get("apps")) {
      assertThat(a.get("hosts").toString()).doesNotContain(hostname);
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from domains where hostname = ?", Long.class, hostname))
        .isZero();
    assertThat(added(user, heir, hostname).at("/app/name").asText()).isEqualTo(heir);
    assertThat(added(user, heir, wildcard).at("/app/name").asText()).isEqualTo(heir);
  }

  @Test
  void aRemovedHostnameIsFreeForAnotherApp() {
    Http user = newUser();
    String first = newApp(user, "first");
    String second = newApp(user, "second");
    String hostname = host("moved");
    String id = added(user, first, hostname).get("id").asText();

    assertThat(ok(user.delete(domains(first) + "/" + id)).get("id").asText()).isEqualTo(id);
    JsonNode moved = added(user, second, hostname);

    assertThat(moved.get("id").asText()).isNotEqualTo(id);
    assertThat(hostsOf(routes(), first)).containsExactly(first + ".localhost");
    assertThat(hostsOf(routes(), second)).containsExactly(second + ".localhost", hostname);
  }

  @Test
  void collaboratorsAddAndRemoveDomainsAndStrangersSeeNoApp() {
    Http owner = newUser();
    Http collaborator = newUser();
    Http stranger = newUser();
    String app = newApp(owner, "team");
    owner.post("/apps/" + app + "/collaborators", Map.of("user", email(collaborator)));
    String hostname = host("team");
    String kept = host("kept");

    added(collaborator, app, hostname);
    added(owner, app, kept);
    assertThat(ok(collaborator.delete(domains(app) + "/" + hostname)).get("hostname").asText())
        .isEqualTo(hostname);

    assertError(stranger.get(domains(app)), 404, "not_found");
    assertError(stranger.get(domains(app) + "/" + kept), 404, "not_found");
    assertError(add(stranger, app, host("stranger")), 404, "not_found");
    assertError(stranger.delete(domains(app) + "/" + kept), 404, "not_found");
    assertError(anonymous().get(domains(app)), 401, "unauthorized");
    assertThat(values(ok(owner.get(domains(app))), "hostname"))
        .containsExactly(app + ".localhost", kept);
  }

  @Test
  void addingAndRemovingAreLoggedWithWhoDidIt() {
    Http user = newUser();
    String app = newApp(user, "logged");
    String hostname = host("logged");

    added(user, app, hostname);
    ok(user.delete(domains(app) + "/" + hostname));

    Http.Response session = user.post("/apps/" + app + "/log-sessions", Map.of("lines", 100));
    String log =
        new String(
            Http.getBytes(session.json().get("logplex_url").asText()).body(),
            StandardCharsets.UTF_8);
    assertThat(log)
        .containsOnlyOnce("hoist[api]: Add " + hostname + " domain by " + email(user))
        .containsOnlyOnce("hoist[api]: Remove " + hostname + " domain by " + email(user));
  }

  @Test
  void anAppHasAtMostAThousandCustomDomains() {
    Http user = newUser();
    String app = newApp(user, "many");
    UUID appId = UUID.fromString(ok(user.get("/apps/" + app)).get("id").asText());
    String zone = unique() + ".example.com";
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> rows = new ArrayList<>();
    for (int i = 1; i < 1000; i++) {
      rows.add(new Object[] {UUID.randomUUID(), appId, "d" + i + "." + zone, now, now});
    }
    jdbc.batchUpdate(
        "insert into domains (id, app_id, hostname, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?)",
        rows); // 999 rows at once; the thousandth through the api
    added(user, app, "d1000." + zone);

    Http.Response refused = add(user, app, "one-more." + zone);

    assertError(refused, 422, "invalid_params");
    assertThat(refused.message()).contains("1000");
    assertThat(ok(user.get(domains(app)))).hasSize(1001);
    assertThat(hostsOf(routes(), app))
        .hasSize(1001)
        .contains("d1000." + zone)
        .doesNotContain("one-more." + zone);
  }
}
