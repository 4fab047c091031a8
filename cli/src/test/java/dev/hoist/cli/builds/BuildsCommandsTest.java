package dev.hoist.cli.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuildsCommandsTest {

  @TempDir Path home;

  private final FakeApi api = new FakeApi();

  private static final String OLD_ID = "1a2b3c4d-1111-4222-8333-944455556666";
  private static final String NEW_ID = "1a2b9f00-aaaa-4bbb-8ccc-ddddeeeeffff";
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-21T23:35:00Z"), ZoneOffset.UTC);
  private static final String OUTPUT =
      "-----> Building on the Hoist stack\n-----> Node.js app detected\n";

  @AfterEach
  void stop() {
    api.close();
  }

  private String build(String id, String status, String version, String created) {
    return """
                {"id":"%s","app":{"id":"a1","name":"demo"},"status":"%s",
                 "output_stream_url":"%s/blobs/build-logs/%s.txt?expires=9&signature=s3cret",
                 "source_blob":{"url":"https://src.example/app.tgz","version":%s,"version_description":null},
                 "buildpacks":[],"slug":null,"release":null,"stack":"heroku-24-hoist","user":{"id":"u1"},
                 "message":null,"created_at":"%s","updated_at":"%s"}"""
        .formatted(
            id,
            status,
            api.url(),
            id,
            version == null ? "null" : "\"" + version + "\"",
            created,
            created);
  }

  private void answerTwoBuilds() {
    api.on(
        "GET",
        "/apps/demo/builds",
        200,
        "["
            + build(OLD_ID, "succeeded", "0f9e8d7c6b5a4", "2026-01-01T00:00:00Z")
            + ","
            + build(NEW_ID, "failed", "abcdef0123456789", "2026-11-21T23:30:00Z")
            + "]");
  }

  @Test
  void buildsListsNewestFirstWithShortIdsAndVersions() {
    answerTwoBuilds();

    CliRunner.Result result = CliRunner.against(api, home).clock(NOW).run("builds", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            """
                === demo Builds
                1a2b9f00  failed     abcdef0  5m ago
                1a2b3c4d  succeeded  0f9e8d7  2026-01-01T00:00:00Z
                """);
  }

  @Test
  void buildsShowsTheNewestNAndTheUsersEmailWhenTheApiGivesOne() {
    api.on(
        "GET",
        "/apps/demo/builds",
        200,
        "["
            + build(OLD_ID, "succeeded", "0f9e8d7", "2026-01-01T00:00:00Z")
            + ","
            + build(NEW_ID, "building", null, "2026-11-21T23:34:00Z")
                .replace("{\"id\":\"u1\"}", "{\"id\":\"u1\",\"email\":\"me@x.io\"}")
            + "]");

    CliRunner.Result result =
        CliRunner.against(api, home).clock(NOW).run("builds", "-a", "demo", "-n", "1");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("=== demo Builds\n1a2b9f00  building    me@x.io  1m ago\n");
  }

  @Test
  void buildsJsonPrintsTheShownBuildsNewestFirst() throws Exception {
    answerTwoBuilds();

    CliRunner.Result result =
        CliRunner.against(api, home).run("builds", "-a", "demo", "--json", "-n", "5");

    assertThat(result.exitCode()).isZero();
    JsonNode shown = Json.MAPPER.readTree(result.out());
    assertThat(shown).extracting(build -> build.get("id").asText()).containsExactly(NEW_ID, OLD_ID);
    assertThat(shown.get(0))
        .isEqualTo(
            Json.MAPPER.readTree(
                build(NEW_ID, "failed", "abcdef0123456789", "2026-11-21T23:30:00Z")));
  }

  @Test
  void buildsSaysSoWhenThereAreNone() {
    api.on("GET", "/apps/demo/builds", 200, "[]");

    CliRunner.Result result = CliRunner.against(api, home).run("builds", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("demo has no builds.\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "ten"})
  void buildsRejectsABadNumAndSendsNothing(String num) {
    CliRunner.Result result = CliRunner.against(api, home).run("builds", "-a", "demo", "-n", num);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("hoist: ").contains("(see 'hoist help builds')");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void buildsInfoShowsTheNewestBuildByDefault() {
    answerTwoBuilds();

    CliRunner.Result result = CliRunner.against(api, home).run("builds:info", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            """
                === Build 1a2b9f00-aaaa-4bbb-8ccc-ddddeeeeffff
                Buildpacks: detected
                By:         u1
                Release:
                Slug:
                Stack:      heroku-24-hoist
                Status:     failed
                Version:    abcdef0123456789
                When:       2026-11-21T23:30:00Z
                """);
  }

  @Test
  void buildsInfoReadsAFullIdDirectlyAndShowsReleaseAndMessage() throws Exception {
    api.on(
        "GET",
        "/apps/demo/builds/" + OLD_ID,
        200,
        build(OLD_ID, "succeeded", "0f9e8d7", "2026-01-01T00:00:00Z")
            .replace("\"release\":null", "\"release\":{\"id\":\"r8\",\"version\":8}")
            .replace(
                "\"buildpacks\":[]",
                "\"buildpacks\":[{\"url\":\"heroku/nodejs\",\"name\":\"heroku/nodejs\"}]"));

    CliRunner.Result result = CliRunner.against(api, home).run("builds:info", OLD_ID, "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(api.requests()).hasSize(1);
    assertThat(result.out()).contains("Buildpacks: heroku/nodejs\n").contains("Release:    v8\n");
  }

  @Test
  void buildsInfoFindsABuildByTheFirstCharactersOfItsId() {
    answerTwoBuilds();

    CliRunner.Result result =
        CliRunner.against(api, home).run("builds:info", "1A2B3C", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("=== Build " + OLD_ID + "\n");
  }

  @Test
  void buildsInfoRefusesAPrefixThatMatchesSeveralBuildsOrNone() {
    answerTwoBuilds();
    CliRunner cli = CliRunner.against(api, home);

    CliRunner.Result several = cli.run("builds:info", "1a2b", "-a", "demo");
    CliRunner.Result none = cli.run("builds:info", "ffff", "-a", "demo");

    assertThat(several.exitCode()).isEqualTo(1);
    assertThat(several.err())
        .isEqualTo(" !    2 builds of demo have an id starting with 1a2b: give more of the id\n");
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.err())
        .isEqualTo(
            " !    no build of demo has an id starting with ffff: see 'hoist builds -a demo'\n");
  }

  @Test
  void buildsInfoOfAnAppWithoutBuildsExitsOne() {
    api.on("GET", "/apps/demo/builds", 200, "[]");

    CliRunner.Result result = CliRunner.against(api, home).run("builds:info", "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo(" !    demo has no builds\n");
  }

  @Test
  void buildsOutputStreamsTheNewestBuildsSignedUrlWithoutTheApiKey() {
    answerTwoBuilds();
    api.stream(
        "GET",
        "/blobs/build-logs/" + NEW_ID + ".txt",
        OUTPUT.substring(0, 30),
        OUTPUT.substring(30));

    CliRunner.Result result = CliRunner.against(api, home).run("builds:output", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo(OUTPUT);
    FakeApi.Request stream = api.requests("GET").get(1);
    assertThat(stream.path()).isEqualTo("/blobs/build-logs/" + NEW_ID + ".txt");
    assertThat(stream.query()).isEqualTo("expires=9&signature=s3cret");
    assertThat(stream.header("Authorization")).isNull();
  }

  @Test
  void buildsOutputExitsOneWhenTheStreamIsRefused() {
    api.on(
        "GET",
        "/apps/demo/builds/" + OLD_ID,
        200,
        build(OLD_ID, "succeeded", "0f9e8d7", "2026-01-01T00:00:00Z"));
    api.on(
        "GET",
        "/blobs/build-logs/" + OLD_ID + ".txt",
        403,
        "{\"id\":\"forbidden\",\"message\":\"this build output URL is not valid or has expired\"}");

    CliRunner.Result result =
        CliRunner.against(api, home).run("builds:output", OLD_ID, "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo(" !    this build output URL is not valid or has expired\n");
  }

  @Test
  void outputIsCopiedAsEachChunkArrivesEvenWithoutANewline() throws Exception {
    PipedOutputStream server = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(server);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompletableFuture<Void> copying =
        CompletableFuture.runAsync(
            () -> {
              try {
                BuildOutput.copy(in, out);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    server.write("-----> Installing node... ".getBytes(StandardCharsets.UTF_8));
    server.flush();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (out.size() < 26 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("-----> Installing node... ");
    server.write("done\n".getBytes(StandardCharsets.UTF_8));
    server.close();
    copying.get(10, TimeUnit.SECONDS);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("-----> Installing node... done\n");
  }

  @Test
  void buildsCreatePostsTheSourceStreamsTheOutputAndReportsTheRelease() throws Exception {
    api.on(
        "POST",
        "/apps/demo/builds",
        201,
        build(NEW_ID, "pending", "abc1234", "2026-11-21T23:35:00Z"));
    api.stream("GET", "/blobs/build-logs/" + NEW_ID + ".txt", OUTPUT);
    api.on(
        "GET",
        "/apps/demo/builds/" + NEW_ID,
        200,
        build(NEW_ID, "succeeded", "abc1234", "2026-11-21T23:35:00Z")
            .replace("\"release\":null", "\"release\":{\"id\":\"r8\",\"version\":8}"));

    CliRunner.Result result =
        CliRunner.against(api, home)
            .run(
                "builds:create",
                "-a",
                "demo",
                "--source-url",
                "https://src.example/app.tgz",
                "--version",
                "abc1234");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo("Creating build 1a2b9f00 of demo... done\n" + OUTPUT + "-----> Released v8\n");
    assertThat(api.requests("POST").get(0).json())
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"source_blob\":{\"url\":\"https://src.example/app.tgz\",\"version\":\"abc1234\"}}"));
    assertThat(api.requests("POST").get(0).header("Authorization")).isEqualTo("Bearer test-key");
    assertThat(api.requests("GET"))
        .extracting(FakeApi.Request::path)
        .containsExactly("/blobs/build-logs/" + NEW_ID + ".txt", "/apps/demo/builds/" + NEW_ID);
  }

  @Test
  void buildsCreateExitsOneWhenTheBuildFailed() throws Exception {
    api.on(
        "POST", "/apps/demo/builds", 201, build(NEW_ID, "pending", null, "2026-11-21T23:35:00Z"));
    api.stream("GET", "/blobs/build-logs/" + NEW_ID + ".txt", OUTPUT, " !     Push failed\n");
    api.on(
        "GET",
        "/apps/demo/builds/" + NEW_ID,
        200,
        build(NEW_ID, "failed", null, "2026-11-21T23:35:00Z")
            .replace("\"message\":null", "\"message\":\"build failed\""));

    CliRunner.Result result =
        CliRunner.against(api, home)
            .run("builds:create", "-a", "demo", "--source-url", "https://src.example/app.tgz");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .isEqualTo("Creating build 1a2b9f00 of demo... done\n" + OUTPUT + " !     Push failed\n");
    assertThat(result.err()).isEqualTo(" !    build 1a2b9f00 of demo failed: build failed\n");
    assertThat(api.requests("POST").get(0).json())
        .isEqualTo(
            Json.MAPPER.readTree("{\"source_blob\":{\"url\":\"https://src.example/app.tgz\"}}"));
  }

  @Test
  void buildsCreateExitsOneWhenTheOutputEndsBeforeTheBuild() {
    api.on(
        "POST", "/apps/demo/builds", 201, build(NEW_ID, "pending", null, "2026-11-21T23:35:00Z"));
    api.stream("GET", "/blobs/build-logs/" + NEW_ID + ".txt", OUTPUT);
    api.on(
        "GET",
        "/apps/demo/builds/" + NEW_ID,
        200,
        build(NEW_ID, "building", null, "2026-11-21T23:35:00Z"));

    CliRunner.Result result =
        CliRunner.against(api, home)
            .run("builds:create", "-a", "demo", "--source-url", "https://src.example/app.tgz");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            " !    the output of build 1a2b9f00 ended while it is still building: follow it"
                + " with 'hoist builds:output "
                + NEW_ID
                + " -a demo'\n");
  }

  @Test
  void buildsCreateWithoutASourceUrlIsAUsageErrorAndSendsNothing() {
    CliRunner.Result result = CliRunner.against(api, home).run("builds:create", "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("hoist: Missing required option: '--source-url=URL'");
    assertThat(api.requests()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "--confirm=other"})
  void cachePurgeRefusesWithoutTheAppNameAsConfirmationAndSendsNothing(String confirm) {
    String[] args =
        confirm.isEmpty()
            ? new String[] {"builds:cache:purge", "-a", "demo"}
            : new String[] {"builds:cache:purge", "-a", "demo", confirm};

    CliRunner.Result result = CliRunner.against(api, home).run(args);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            " !    This command will delete the build cache of demo. Re-run with --confirm demo\n");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void cachePurgeWithConfirmationDeletesTheBuildCache() {
    api.on("DELETE", "/apps/demo/build-cache", 200, "{}");

    CliRunner.Result result =
        CliRunner.against(api, home).run("builds:cache:purge", "-a", "demo", "--confirm", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("Purging build cache for demo... done\n");
    assertThat(api.requests())
        .extracting(FakeApi.Request::method, FakeApi.Request::path)
        .containsExactly(tuple("DELETE", "/apps/demo/build-cache"));
  }
}
