package dev.hoist.cli.ps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.cli.api.Json;
import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PsCommandsTest {

  @TempDir Path home;

  private final FakeApi api = new FakeApi();

  private static final String DYNOS =
      """
            [{"name":"web.10","type":"web","state":"up","command":"node server.js","size":"standard-1X",
              "updated_at":"2026-11-21T23:35:40Z"},
             {"name":"web.2","type":"web","state":"crashed","exit_code":137,"command":"node server.js",
              "size":"standard-1X","updated_at":"2026-11-21T23:30:45Z"},
             {"name":"run.4711","type":"run","state":"up","command":"bash","size":"standard-2x",
              "updated_at":"2026-11-21T23:35:00Z"},
             {"name":"worker.1","type":"worker","state":"starting","command":"node worker.js",
              "size":"standard-1X","updated_at":"2026-11-01T00:00:00Z"}]""";

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void psGroupsDynosByTypeWithOneOffsFirstAndShowsWhyADynoCrashed() {
    api.on("GET", "/apps/demo/dynos", 200, DYNOS);
    Clock clock = Clock.fixed(Instant.parse("2026-11-21T23:35:45Z"), ZoneOffset.UTC);

    CliRunner.Result result = CliRunner.against(api, home).clock(clock).run("ps", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            """
                === run: one-off processes (1)
                run.4711 (Standard-2X): up 2026/11/21 23:35:00 +0000 (~ 45s ago): bash

                === web (Standard-1X): node server.js (2)
                web.2: crashed (exit 137) 2026/11/21 23:30:45 +0000 (~ 5m ago)
                web.10: up 2026/11/21 23:35:40 +0000 (~ 5s ago)

                === worker (Standard-1X): node worker.js (1)
                worker.1: starting 2026/11/01 00:00:00 +0000
                """);
    assertThat(result.err()).isEmpty();
  }

  @Test
  void psJsonPrintsTheApiArrayWithNamesAndStates() throws Exception {
    api.on("GET", "/apps/demo/dynos", 200, DYNOS);

    CliRunner.Result result = CliRunner.against(api, home).run("ps", "-a", "demo", "--json");

    assertThat(result.exitCode()).isZero();
    assertThat(Json.MAPPER.readTree(result.out())).isEqualTo(Json.MAPPER.readTree(DYNOS));
  }

  @Test
  void psSaysSoWhenTheAppHasNoDynos() {
    api.on("GET", "/apps/demo/dynos", 200, "[]");

    CliRunner.Result result = CliRunner.against(api, home).run("ps", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("No dynos on demo\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''     | /apps/demo/dynos       | Restarting dynos on demo... done",
        "web    | /apps/demo/dynos/web   | Restarting web dynos on demo... done",
        "web.1  | /apps/demo/dynos/web.1 | Restarting web.1 dyno on demo... done",
      })
  void psRestartDeletesTheAppTypeOrDyno(String target, String path, String message) {
    api.on("DELETE", path, 202, "");

    CliRunner.Result result =
        target.isEmpty()
            ? CliRunner.against(api, home).run("ps:restart", "-a", "demo")
            : CliRunner.against(api, home).run("ps:restart", target, "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(api.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("DELETE");
              assertThat(r.path()).isEqualTo(path);
            });
    assertThat(result.out()).isEqualTo(message + "\n");
  }

  @Test
  void psStopPostsTheStopAction() {
    api.on("POST", "/apps/demo/dynos/web.1/actions/stop", 202, "");

    CliRunner.Result result = CliRunner.against(api, home).run("ps:stop", "web.1", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(api.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("POST");
              assertThat(r.path()).isEqualTo("/apps/demo/dynos/web.1/actions/stop");
            });
    assertThat(result.out()).isEqualTo("Stopping web.1 dyno on demo... done\n");
  }

  @Test
  void psStopOfAnUnknownDynoExitsOneWithTheApiMessage() {
    api.on(
        "POST",
        "/apps/demo/dynos/web.9/actions/stop",
        404,
        "{\"id\":\"not_found\",\"message\":\"no dyno web.9\"}");

    CliRunner.Result result = CliRunner.against(api, home).run("ps:stop", "web.9", "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo(" !    no dyno web.9\n");
    assertThat(result.out()).isEmpty();
  }
}
