package dev.hoist.cli.platform;

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

class PlatformCommandTest {

  @TempDir Path home;

  private final FakeApi api = new FakeApi();

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T23:35:45Z"), ZoneOffset.UTC);

  private static final String PARTS =
      """
      [{"id":"a1","name":"hoist-api",
        "release":{"id":"r12","version":12,"description":"Deploy 3f9c2ab",
                   "created_at":"2026-11-21T23:00:00Z",
                   "slug":{"id":"s12","commit":"3f9c2ab4d5e6f708","checksum":"SHA256:00"}},
        "formation":[{"type":"web","quantity":2,"size":"standard-1X","up":2}],
        "dynos":[{"name":"web.1","type":"web","state":"up","release":{"version":12},
                  "updated_at":"2026-11-21T23:35:40Z"},
                 {"name":"web.2","type":"web","state":"up","release":{"version":12},
                  "updated_at":"2026-11-21T23:30:45Z"}],
        "healthy":true},
       {"id":"a2","name":"hoist-builder",
        "release":{"id":"r3","version":3,"description":"Seed","created_at":"2026-11-21T20:00:00Z",
                   "slug":{"id":"s3","commit":"0a1b2c3","checksum":"SHA256:01"}},
        "formation":[{"type":"worker","quantity":1,"size":"standard-2X","up":0}],
        "dynos":[{"name":"worker.1","type":"worker","state":"crashed","release":{"version":3},
                  "updated_at":"2026-11-21T23:35:00Z"},
                 {"name":"run.7","type":"run","state":"up","release":{"version":3},
                  "updated_at":"2026-11-21T23:35:00Z"}],
        "healthy":false},
       {"id":"a3","name":"hoist-gateway",
        "release":{"id":"r1","version":1,"description":"Initial release",
                   "created_at":"2026-11-21T20:00:00Z","slug":null},
        "formation":[],"dynos":[],"healthy":false}]""";

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void showsEachPartsReleaseDynosAndHealthOnOneScreen() {
    api.on("GET", "/platform", 200, PARTS);

    CliRunner.Result result = CliRunner.against(api, home).clock(CLOCK).run("platform");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            """
            === hoist-api: v12 (3f9c2ab), healthy
            web (Standard-1X): 2 of 2 up
              web.1  up  v12  5s ago
              web.2  up  v12  5m ago

            === hoist-builder: v3 (0a1b2c3), NOT HEALTHY
            worker (Standard-2X): 0 of 1 up
              worker.1  crashed  v3  45s ago
            other dynos:
              run.7  up  v3  45s ago

            === hoist-gateway: v1 (nothing deployed), NOT HEALTHY

            1 of 3 parts healthy
            """);
    assertThat(result.err()).isEmpty();
  }

  @Test
  void aTypeScaledToNoneSaysSo() {
    api.on(
        "GET",
        "/platform",
        200,
        """
        [{"name":"hoist-builder","release":{"version":4,"slug":{"commit":"abc"}},
          "formation":[{"type":"worker","quantity":0,"size":"standard-1X","up":0}],
          "dynos":[],"healthy":true}]""");

    CliRunner.Result result = CliRunner.against(api, home).clock(CLOCK).run("platform");

    assertThat(result.out())
        .isEqualTo(
            """
            === hoist-builder: v4 (abc), healthy
            worker (Standard-1X): scaled to 0

            1 of 1 parts healthy
            """);
  }

  @Test
  void jsonPrintsTheApisAnswer() throws Exception {
    api.on("GET", "/platform", 200, PARTS);

    CliRunner.Result result = CliRunner.against(api, home).run("platform", "--json");

    assertThat(result.exitCode()).isZero();
    assertThat(Json.MAPPER.readTree(result.out())).isEqualTo(Json.MAPPER.readTree(PARTS));
  }

  @Test
  void saysSoWhenThereAreNoPlatformApps() {
    api.on("GET", "/platform", 200, "[]");

    CliRunner.Result result = CliRunner.against(api, home).run("platform");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("No platform apps.\n");
  }

  @Test
  void someoneOtherThanTheAdminIsRefused() {
    api.on(
        "GET",
        "/platform",
        403,
        "{\"id\":\"forbidden\",\"message\":\"only the admin may see the platform\"}");

    CliRunner.Result result = CliRunner.against(api, home).run("platform");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo(" !    only the admin may see the platform\n");
  }
}
