package dev.hoist.cli.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintenanceCommandsTest {

  @TempDir Path home;

  private final FakeApi api = new FakeApi();

  private static final String DEMO =
      """
            {"id":"0b4c6e3a-1111-4222-8333-944455556666","name":"demo","owner":{"id":"u1","email":"me@x.io"},
             "maintenance":%s,"created_at":"2026-11-21T23:35:40Z","released_at":null}""";

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void maintenanceSaysOnOrOff() {
    api.on("GET", "/apps/demo", 200, DEMO.formatted("true"));
    api.on("GET", "/apps/other", 200, DEMO.formatted("false").replace("\"demo\"", "\"other\""));

    CliRunner.Result on = CliRunner.against(api, home).run("maintenance", "-a", "demo");
    CliRunner.Result off = CliRunner.against(api, home).run("maintenance", "-a", "other");

    assertThat(on.out()).isEqualTo("on\n");
    assertThat(off.out()).isEqualTo("off\n");
  }

  @Test
  void onAndOffPatchTheAppsMaintenanceField() {
    api.on("PATCH", "/apps/demo", 200, DEMO.formatted("true"));

    CliRunner.Result on = CliRunner.against(api, home).run("maintenance:on", "-a", "demo");
    CliRunner.Result off = CliRunner.against(api, home).run("maintenance:off", "-a", "demo");

    assertThat(on.exitCode()).isZero();
    assertThat(on.out()).isEqualTo("Enabling maintenance mode for demo... done\n");
    assertThat(off.out()).isEqualTo("Disabling maintenance mode for demo... done\n");
    assertThat(api.requests("PATCH"))
        .extracting(FakeApi.Request::body)
        .containsExactly("{\"maintenance\":true}", "{\"maintenance\":false}");
  }

  @Test
  void aRefusalIsShownAndExitsNonZero() {
    api.on(
        "PATCH",
        "/apps/demo",
        404,
        "{\"id\":\"not_found\",\"message\":\"app demo does not exist\"}");

    CliRunner.Result result = CliRunner.against(api, home).run("maintenance:on", "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("app demo does not exist");
  }
}
