package dev.hoist.cli.releases;

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

class ReleasesCommandsTest {

  @TempDir Path home;

  private final FakeApi api = new FakeApi();

  private static final String RELEASES =
      """
            [{"version":7,"current":true,"status":"succeeded","description":"Set A config vars",
              "user":{"email":"me@x.io"},"created_at":"2026-11-21T23:30:00Z"},
             {"version":6,"current":false,"status":"failed","description":"Deploy 1a2b3c4",
              "user":{"email":"me@x.io"},"created_at":"2026-11-20T23:35:00Z"},
             {"version":5,"current":false,"status":"succeeded","description":"Deploy 0f0f0f0",
              "user":{"email":"you@x.io"},"created_at":"2026-01-01T00:00:00Z"}]""";

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void rollbackWithoutAVersionPicksTheReleaseBeforeTheCurrentOne() throws Exception {
    api.on("GET", "/apps/demo/releases", 206, RELEASES);
    api.on(
        "POST", "/apps/demo/releases", 201, "{\"version\":8,\"description\":\"Rollback to v6\"}");

    CliRunner.Result result = CliRunner.against(api, home).run("rollback", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(api.requests("GET").get(0).header("Range"))
        .startsWith("version ..; order=desc, max=");
    assertThat(api.requests("POST").get(0).json())
        .isEqualTo(Json.MAPPER.readTree("{\"release\":\"6\"}"));
    assertThat(result.out()).isEqualTo("Rolling back demo... done, v8\nRollback to v6\n");
  }

  @Test
  void rollbackToANamedVersionSendsItWithoutListing() throws Exception {
    api.on(
        "POST", "/apps/demo/releases", 201, "{\"version\":8,\"description\":\"Rollback to v5\"}");

    CliRunner.Result result = CliRunner.against(api, home).run("rollback", "v5", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(api.requests()).hasSize(1);
    assertThat(api.requests("POST").get(0).json())
        .isEqualTo(Json.MAPPER.readTree("{\"release\":\"5\"}"));
  }

  @Test
  void rollbackRefusesWhenTheCurrentReleaseIsTheFirst() {
    api.on("GET", "/apps/demo/releases", 200, "[{\"version\":1,\"current\":true}]");

    CliRunner.Result result = CliRunner.against(api, home).run("rollback", "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo(" !    demo has no release before v1 to roll back to\n");
    assertThat(api.requests("POST")).isEmpty();
  }

  @Test
  void rollbackRejectsAVersionThatIsNotOne() {
    CliRunner.Result result = CliRunner.against(api, home).run("rollback", "latest", "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("hoist: 'latest' is not a release version like v5");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void releasesListsNewestFirstWithRelativeTimesAndMarksTheCurrentOne() {
    api.on("GET", "/apps/demo/releases", 200, RELEASES);
    Instant now = Instant.parse("2026-11-21T23:35:00Z");

    CliRunner.Result result =
        CliRunner.against(api, home)
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .run("releases", "-a", "demo", "-n", "3");

    assertThat(result.exitCode()).isZero();
    assertThat(api.requests().get(0).header("Range")).isEqualTo("version ..; order=desc, max=3");
    assertThat(result.out())
        .isEqualTo(
            """
                === demo Releases - Current: v7
                v7  Set A config vars        me@x.io   5m ago                (current)
                v6  Deploy 1a2b3c4 (failed)  me@x.io   1d ago
                v5  Deploy 0f0f0f0           you@x.io  2026-01-01T00:00:00Z
                """);
  }
}
