package dev.hoist.api.contract;

import static dev.hoist.api.contract.WireContract.covers;
import static dev.hoist.api.contract.WireContract.matches;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.support.ApiTest;
import dev.hoist.api.support.Http;
import dev.hoist.api.support.SshKeys;
import dev.hoist.api.support.Tarball;
import dev.hoist.internal.Blobs;
import dev.hoist.internal.InternalApi;
import dev.hoist.internal.builds.BuildRecords;
import dev.hoist.internal.builds.BuilderApi;
import dev.hoist.internal.builds.GatewayApi;
import dev.hoist.internal.dynos.DynoApi;
import dev.hoist.internal.dynos.DynoReport;
import dev.hoist.internal.logs.LogApi;
import dev.hoist.internal.logs.LogLine;
import dev.hoist.internal.platform.PlatformAppsApi;
import dev.hoist.internal.routes.RouteSnapshot;
import dev.hoist.internal.routes.RoutesApi;
import dev.hoist.internal.state.DesiredState;
import dev.hoist.internal.state.StateApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract between the internal-api module and the real api: every record a component reads is
 * held to the api's own JSON ({@link WireContract}), and every call a component makes is made with
 * the module's own clients against the running api, which refuses fields it does not know. A record
 * and the api that disagree fail here, not in production.
 */
class InternalContractIT extends ApiTest {
  private InternalApi internal() {
    return new InternalApi(base(), COMPONENT_TOKEN);
  }

  private static JsonNode appIn(JsonNode document, String app) {
    for (JsonNode a : document.get("apps")) if (a.get("name").asText().equals(app)) return a;
    throw new AssertionError(app + " is not in " + document);
  }

  @Test
  void theDynoManagersStateReportsLogsAndExitsAgreeWithTheApi() throws Exception {
    Http user = newUser();
    String app = newApp(user, "contract");
    ok(user.patch("/apps/" + app + "/config-vars", Map.of("GREETING", "hi")));
    deploy(user, app, Map.of("web", "./server", "worker", "./work"));
    Http.Response run =
        user.post("/apps/" + app + "/dynos", Map.of("command", "bash", "attach", true));
    assertThat(run.status()).as("%s", run).isEqualTo(201);
    String oneOff = run.json().get("name").asText();
    assertThat(user.delete("/apps/" + app + "/dynos").status()).isIn(200, 202);

    JsonNode raw = ok(component().get("/internal/state"));
    matches(raw, DesiredState.class);
    DesiredState.AppState mine = matches(appIn(raw, app), DesiredState.AppState.class);
    assertThat(mine.release().config()).containsEntry("GREETING", "hi");
    assertThat(mine.formation()).as("checked element by element above").hasSize(2);
    assertThat(mine.oneOffs()).extracting(DesiredState.OneOff::name).containsExactly(oneOff);
    assertThat(mine.restarts()).containsKey("*");
    assertThat(mine.platform()).isFalse();
    assertThat(mine.dynoOptions()).isNull();

    DesiredState state = new StateApi(internal()).state(null, Duration.ZERO);
    assertThat(state.app(app).orElseThrow().formation())
        .extracting(DesiredState.Process::type)
        .containsExactlyInAnyOrder("web", "worker");

    DynoApi dynos = new DynoApi(internal());
    dynos.report(
        app,
        List.of(
            new DynoReport(
                "web.1",
                "web",
                "up",
                "./server",
                "standard-1X",
                3,
                "c0ffee",
                "10.0.0.9:5000",
                true,
                null)));
    RouteSnapshot.App routed =
        matches(appIn(ok(component().get("/internal/routes")), app), RouteSnapshot.App.class);
    assertThat(routed.dynos())
        .extracting(RouteSnapshot.Dyno::address)
        .containsExactly("10.0.0.9:5000");
    matches(ok(component().get("/internal/routes")), RouteSnapshot.class);
    RouteSnapshot routes = new RoutesApi(internal()).routes(null, Duration.ZERO);
    assertThat(routes.apps()).extracting(RouteSnapshot.App::name).contains(app);

    dynos.oneOffExit(app, oneOff, 0);
    assertThat(new StateApi(internal()).state(null, Duration.ZERO).app(app).orElseThrow().oneOffs())
        .isEmpty();

    new LogApi(internal())
        .post(List.of(LogLine.app(app, "web.1", Instant.now(), "the contract holds")));
    String session =
        user.post("/apps/" + app + "/log-sessions", Map.of("lines", 100))
            .json()
            .get("logplex_url")
            .asText();
    assertThat(new String(Http.getBytes(session).body(), StandardCharsets.UTF_8))
        .contains("app[web.1]: the contract holds");
  }

  @Test
  void theGatewaysCallsAgreeWithTheApi() throws Exception {
    Http owner = newUser();
    String app = newApp(owner, "gatecontract");
    assertThat(
            owner.post("/account/keys", Map.of("public_key", SshKeys.ed25519("contract"))).status())
        .isEqualTo(201);
    String fingerprint = ok(owner.get("/account/keys")).get(0).get("fingerprint").asText();
    GatewayApi gateway = new GatewayApi(internal());

    covers(
        ok(
            component()
                .get(
                    "/internal/keys?fingerprint="
                        + URLEncoder.encode(fingerprint, StandardCharsets.UTF_8))),
        BuildRecords.Who.class);
    BuildRecords.Account account = gateway.accountForKey(fingerprint).orElseThrow();
    assertThat(account.email()).isEqualTo(email(owner));
    assertThat(gateway.accountForKey("SHA256:nope")).isEmpty();
    assertThat(gateway.accountForApiKey("hoist_wrong")).isEmpty();

    covers(
        ok(component().get("/internal/apps/" + app + "/access/" + account.id())),
        BuildRecords.Access.class);
    assertThat(gateway.access(app, account.id()).orElseThrow().name()).isEqualTo(app);

    Http.Response source = component().post("/internal/apps/" + app + "/sources", null);
    assertThat(source.status()).as("%s", source).isEqualTo(201);
    covers(source.json(), BuildRecords.SignedUrls.class);
    covers(ok(component().get("/internal/apps/" + app + "/repo")), BuildRecords.SignedUrls.class);
    BuildRecords.SignedUrls urls = gateway.newSource(app);
    assertThat(gateway.repository(app).putUrl()).isNotBlank();

    BuildRecords.Build build =
        gateway.createBuild(
            app, new BuildRecords.SourceBlob(urls.getUrl(), "abc1234", "first"), account.id());
    covers(
        ok(component().get("/internal/apps/" + app + "/builds/" + build.id())),
        BuildRecords.Build.class);
    assertThat(gateway.build(app, build.id()).status()).isEqualTo("pending");
    failAllPendingBuilds();
  }

  @Test
  void theSlugCompilersCallsAgreeWithTheApi(@TempDir Path dir) throws Exception {
    Http user = newUser();
    String app = newApp(user, "compilecontract");
    ok(user.patch("/apps/" + app + "/config-vars", Map.of("SECRET", "s1")));
    BuilderApi builder = new BuilderApi(internal());

    // The first build is driven by hand, to hold each answer to its record.
    String first = newBuild(user, app);
    JsonNode job = claimFor(first);
    assertThat(matches(job, BuildRecords.Job.class).env()).containsEntry("SECRET", "s1");
    builder.output(first, List.of("-----> checking the contract"));
    Http.Response slug =
        component()
            .post(
                "/internal/builds/" + first + "/slug",
                Map.of(
                    "process_types",
                    Map.of("web", "./server"),
                    "checksum",
                    "SHA256:" + "0".repeat(64)));
    assertThat(slug.status()).as("%s", slug).isEqualTo(201);
    covers(slug.json(), BuildRecords.SlugCreated.class);
    BuildRecords.Finished failed = builder.finish(first, BuildRecords.Finish.failed("by hand"));
    assertThat(failed.status()).isEqualTo("failed");
    assertThat(failed.release()).isNull();

    // The second with the module's client from claim to slug, its finish by hand (with a release).
    String second = newBuild(user, app);
    BuildRecords.Job claimed = claimTyped(builder, second);
    builder.heartbeat(second);
    builder.output(second, List.of("-----> building"));
    BuildRecords.SlugCreated created =
        builder.slug(second, new BuildRecords.NewSlug(Map.of("web", "./server"), null));
    Path archive = Files.write(dir.resolve("slug.tgz"), Tarball.minimalApp());
    new Blobs(internal()).upload(created.putUrl(), archive, "application/gzip");
    Http.Response done =
        component()
            .post(
                "/internal/builds/" + second + "/finish",
                Map.of("status", "succeeded", "slug", created.id()));
    BuildRecords.Finished finished = covers(ok(done), BuildRecords.Finished.class);
    assertThat(claimed.app().name()).isEqualTo(app);
    assertThat(finished.status()).isEqualTo("succeeded");
    assertThat(finished.release().version())
        .as("v1 the app, v2 its config, v3 this build")
        .isEqualTo(3);
  }

  @Test
  void theSeedsPlatformAppCallsAgreeWithTheApi(@TempDir Path dir) throws Exception {
    String name = appName("hoist-contract");
    covers(
        ok(
            component()
                .put(
                    "/internal/platform-apps/" + name,
                    Map.of("stack_image", "hoist/stack-run:current"))),
        PlatformAppsApi.PlatformApp.class);
    PlatformAppsApi platform = new PlatformAppsApi(internal());
    PlatformAppsApi.PlatformApp made =
        platform.ensure(
            name,
            new PlatformAppsApi.EnsureApp(
                "hoist/stack-run:current", Map.of("HOIST_PART", "contract")));
    assertThat(made.deployed()).isFalse();

    PlatformAppsApi.NewSlugAnswer slug =
        platform.newSlug(name, new PlatformAppsApi.NewSlug(Map.of("web", "./server"), "c1"));
    new Blobs(internal())
        .upload(
            slug.putUrl(),
            Files.write(dir.resolve("s.tgz"), Tarball.minimalApp()),
            "application/gzip");
    PlatformAppsApi.Deployed deployed =
        platform.deploy(name, new PlatformAppsApi.Deploy(slug.id(), 1, "web", "standard-1X"));
    assertThat(deployed.version()).isPositive();
    PlatformAppsApi.PlatformApp after =
        platform.ensure(name, new PlatformAppsApi.EnsureApp("hoist/stack-run:current", null));
    assertThat(after.deployed()).isTrue();
    assertThat(after.commit()).isEqualTo("c1");

    DesiredState.DynoOptions options =
        new DesiredState.DynoOptions(
            true,
            8080,
            List.of(
                new DesiredState.Mount("/var/lib/hoist/routes", "/routes", false),
                new DesiredState.Mount("/var/lib/hoist/blobs", "/blobs", true)));
    platform.ensure(name, new PlatformAppsApi.EnsureApp("hoist/stack-run:current", null, options));
    DesiredState.AppState part =
        matches(appIn(ok(component().get("/internal/state")), name), DesiredState.AppState.class);
    assertThat(part.platform()).isTrue();
    assertThat(part.dynoOptions()).isEqualTo(options);
    assertThat(new StateApi(internal()).state(null, Duration.ZERO).app(name).orElseThrow())
        .extracting(DesiredState.AppState::platform, DesiredState.AppState::dynoOptions)
        .containsExactly(true, options);
  }

  private static BuildRecords.Job claimTyped(BuilderApi builder, String buildId) throws Exception {
    for (int i = 0; i < 50; i++) {
      var job = builder.claim(5);
      if (job.isPresent() && job.get().id().equals(buildId)) return job.get();
      if (job.isPresent()) builder.finish(job.get().id(), BuildRecords.Finish.failed("skipped"));
    }
    throw new AssertionError("build " + buildId + " was never claimed");
  }

  private void failAllPendingBuilds() {
    for (Http.Response r = component().post("/internal/builds/claim?wait=0", Map.of());
        r.status() == 200;
        r = component().post("/internal/builds/claim?wait=0", Map.of())) {
      finishFailed(r.json().get("id").asText());
    }
  }
}
