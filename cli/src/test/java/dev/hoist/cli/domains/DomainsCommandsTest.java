package dev.hoist.cli.domains;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainsCommandsTest {

  @TempDir Path home;

  private final FakeApi api = new FakeApi();

  private static final String HEROKU =
      """
      {"id":"d0","hostname":"demo.localhost","kind":"heroku","cname":null,"status":"none",
       "acm_status":null,"acm_status_reason":null,"app":{"id":"a1","name":"demo"},
       "sni_endpoint":null,"created_at":"2026-11-21T23:35:40Z","updated_at":"2026-11-21T23:35:40Z"}""";

  private static String custom(String id, String hostname, String status) {
    return """
        {"id":"%s","hostname":"%s","kind":"custom","cname":"demo.localhost","status":"%s",
         "acm_status":null,"acm_status_reason":null,"app":{"id":"a1","name":"demo"},
         "sni_endpoint":null,"created_at":"2026-11-22T10:00:00Z","updated_at":"2026-11-22T10:00:00Z"}"""
        .formatted(id, hostname, status);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void domainsListsTheDefaultDomainThenTheCustomOnesWithTheirDnsRecord() {
    api.on(
        "GET",
        "/apps/demo/domains",
        200,
        "["
            + HEROKU
            + ","
            + custom("d1", "www.example.com", "succeeded")
            + ","
            + custom("d2", "example.com", "succeeded")
            + ","
            + custom("d3", "*.example.org", "succeeded")
            + "]");

    CliRunner.Result result = CliRunner.against(api, home).run("domains", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            """
            === demo Heroku Domain
            demo.localhost

            === demo Custom Domains
            Domain Name      DNS Record Type  DNS Target
            www.example.com  CNAME            demo.localhost
            example.com      ALIAS or ANAME   demo.localhost
            *.example.org    CNAME            demo.localhost
            """);
  }

  @Test
  void domainsWithoutCustomOnesShowsOnlyTheDefault() {
    api.on("GET", "/apps/demo/domains", 200, "[" + HEROKU + "]");

    CliRunner.Result result = CliRunner.against(api, home).run("domains", "-a", "demo");

    assertThat(result.out()).isEqualTo("=== demo Heroku Domain\ndemo.localhost\n");
  }

  @Test
  void domainsJsonPrintsTheApisAnswer() {
    api.on("GET", "/apps/demo/domains", 200, "[" + HEROKU + "]");

    CliRunner.Result result = CliRunner.against(api, home).run("domains", "--json", "-a", "demo");

    assertThat(result.out())
        .startsWith("[\n  {\n    \"id\": \"d0\",")
        .contains("\"kind\": \"heroku\"");
  }

  @Test
  void addPostsTheHostnameAndSaysWhereToPointTheDns() {
    api.on("POST", "/apps/demo/domains", 201, custom("d1", "www.example.com", "succeeded"));

    CliRunner.Result result =
        CliRunner.against(api, home).run("domains:add", "WWW.Example.com", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(api.requests("POST").get(0).json().get("hostname").asText())
        .isEqualTo("WWW.Example.com");
    assertThat(result.out())
        .isEqualTo(
            """
            Adding www.example.com to demo... done
            Configure your DNS provider to point www.example.com at the DNS Target demo.localhost (CNAME).
            """);
  }

  @Test
  void addOfAPendingDomainSaysHowToWaitOrWaitsWithWait() {
    api.on("POST", "/apps/demo/domains", 201, custom("d1", "www.example.com", "pending"));
    api.onEach(
        "GET",
        "/apps/demo/domains/d1",
        custom("d1", "www.example.com", "pending"),
        custom("d1", "www.example.com", "succeeded"));

    CliRunner.Result enqueued =
        CliRunner.against(api, home).run("domains:add", "www.example.com", "-a", "demo");
    CliRunner.Result waited =
        CliRunner.against(api, home).run("domains:add", "www.example.com", "--wait", "-a", "demo");

    assertThat(enqueued.out())
        .endsWith(
            """

            The domain www.example.com has been enqueued for addition
            Run hoist domains:wait 'www.example.com' to wait for completion
            """);
    assertThat(waited.exitCode()).isZero();
    assertThat(waited.out()).endsWith("(CNAME).\nWaiting for www.example.com... done\n");
    assertThat(api.requests("GET")).hasSize(2);
  }

  @Test
  void addShowsTheApisRefusalAndExitsOne() {
    api.on(
        "POST",
        "/apps/demo/domains",
        422,
        "{\"id\":\"invalid_params\",\"message\":\"www.example.com is already in use by another app\"}");

    CliRunner.Result result =
        CliRunner.against(api, home).run("domains:add", "www.example.com", "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("www.example.com is already in use by another app");
  }

  @Test
  void infoShowsEveryFieldOfOneDomain() {
    api.on(
        "GET",
        "/apps/demo/domains/www.example.com",
        200,
        custom("d1", "www.example.com", "succeeded"));

    CliRunner.Result result =
        CliRunner.against(api, home).run("domains:info", "www.example.com", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            """
            === www.example.com
            Kind:              custom
            DNS Target:        demo.localhost
            Status:            succeeded
            ACM Status:
            ACM Status Reason:
            SNI Endpoint:
            App:               demo
            Created At:        2026-11-22T10:00:00Z
            Updated At:        2026-11-22T10:00:00Z
            ID:                d1
            """);
  }

  @Test
  void aWildcardIsSentPercentEncodedInThePath() {
    api.on(
        "GET",
        "/apps/demo/domains/%2A.example.org",
        200,
        custom("d3", "*.example.org", "succeeded"));

    CliRunner.Result result =
        CliRunner.against(api, home).run("domains:info", "*.example.org", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("=== *.example.org\n");
  }

  @Test
  void removeDeletesTheDomainByTheNameGiven() {
    api.on(
        "DELETE",
        "/apps/demo/domains/www.example.com",
        200,
        custom("d1", "www.example.com", "succeeded"));

    CliRunner.Result result =
        CliRunner.against(api, home).run("domains:remove", "www.example.com", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("Removing www.example.com from demo... done\n");
    assertThat(api.requests("DELETE")).hasSize(1);
  }

  @Test
  void removeOfAnUnknownDomainSaysSoAndExitsOne() {
    api.on(
        "DELETE",
        "/apps/demo/domains/nope.example.com",
        404,
        "{\"id\":\"not_found\",\"message\":\"no domain nope.example.com on demo\"}");

    CliRunner.Result result =
        CliRunner.against(api, home).run("domains:remove", "nope.example.com", "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("no domain nope.example.com on demo");
  }

  @Test
  void clearDeletesEveryCustomDomainByIdAndLeavesTheDefault() {
    api.on(
        "GET",
        "/apps/demo/domains",
        200,
        "["
            + HEROKU
            + ","
            + custom("d1", "www.example.com", "succeeded")
            + ","
            + custom("d3", "*.example.org", "succeeded")
            + "]");
    api.on("DELETE", "/apps/demo/domains/d1", 200, custom("d1", "www.example.com", "succeeded"));
    api.on("DELETE", "/apps/demo/domains/d3", 200, custom("d3", "*.example.org", "succeeded"));

    CliRunner.Result result = CliRunner.against(api, home).run("domains:clear", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("Removing all domains from demo... done\n");
    assertThat(api.requests("DELETE"))
        .extracting(FakeApi.Request::path)
        .containsExactly("/apps/demo/domains/d1", "/apps/demo/domains/d3");
  }

  @Test
  void waitReadsADomainUntilItIsNoLongerPending() {
    api.onEach(
        "GET", "/apps/demo/domains/www.example.com", custom("d1", "www.example.com", "pending"));
    api.onEach(
        "GET",
        "/apps/demo/domains/d1",
        custom("d1", "www.example.com", "pending"),
        custom("d1", "www.example.com", "pending"),
        custom("d1", "www.example.com", "succeeded"));

    CliRunner.Result result =
        CliRunner.against(api, home).run("domains:wait", "www.example.com", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("Waiting for www.example.com... done\n");
    assertThat(api.requests("GET")).hasSize(4);
  }

  @Test
  void waitOfADomainThatIsNotPendingReturnsAtOnce() {
    api.on(
        "GET",
        "/apps/demo/domains/www.example.com",
        200,
        custom("d1", "www.example.com", "succeeded"));

    CliRunner.Result result =
        CliRunner.against(api, home).run("domains:wait", "www.example.com", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("Waiting for www.example.com... done\n");
    assertThat(api.requests()).hasSize(1);
  }

  @Test
  void waitWithoutAHostnameWaitsForEachPendingDomainOnly() {
    api.on(
        "GET",
        "/apps/demo/domains",
        200,
        "["
            + HEROKU
            + ","
            + custom("d1", "www.example.com", "succeeded")
            + ","
            + custom("d2", "shop.example.com", "pending")
            + "]");
    api.on("GET", "/apps/demo/domains/d2", 200, custom("d2", "shop.example.com", "succeeded"));

    CliRunner.Result result = CliRunner.against(api, home).run("domains:wait", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("Waiting for shop.example.com... done\n");
  }

  @Test
  void waitEndingInAnotherStatusIsAnError() {
    api.onEach(
        "GET",
        "/apps/demo/domains/d1",
        custom("d1", "www.example.com", "pending"),
        custom("d1", "www.example.com", "failed"));
    api.on(
        "GET",
        "/apps/demo/domains/www.example.com",
        200,
        custom("d1", "www.example.com", "pending"));

    CliRunner.Result result =
        CliRunner.against(api, home).run("domains:wait", "www.example.com", "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEqualTo("Waiting for www.example.com... failed\n");
    assertThat(result.err()).contains("the domain www.example.com finished with status failed");
  }

  @Test
  void theDnsRecordIsAnAliasOnlyAtAnApex() {
    assertThat(Domains.recordType("example.com")).isEqualTo("ALIAS or ANAME");
    assertThat(Domains.recordType("www.example.com")).isEqualTo("CNAME");
    assertThat(Domains.recordType("*.example.com")).isEqualTo("CNAME");
  }
}
