package dev.hoist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorHandlerTest {

  @TempDir Path home;

  private final FakeApi api = new FakeApi();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void clientErrorsExitOneWithTheApiMessageAndNoStackTrace() {
    api.on(
        "GET", "/apps/nope", 404, "{\"id\":\"not_found\",\"message\":\"Couldn't find that app.\"}");

    CliRunner.Result result = CliRunner.against(api, home).run("apps:info", "-a", "nope");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo(" !    Couldn't find that app.\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void clientErrorsWithoutAJsonBodyStillGetAOneLineMessage() {
    api.on("GET", "/apps/demo", 403, "");

    CliRunner.Result result = CliRunner.against(api, home).run("apps:info", "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo(" !    HTTP 403\n");
  }

  @Test
  void serverErrorsExitSeventy() {
    api.on("GET", "/apps/demo", 500, "{\"id\":\"internal\",\"message\":\"database down\"}");

    CliRunner.Result result = CliRunner.against(api, home).run("apps:info", "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(70);
    assertThat(result.err()).isEqualTo(" !    the Hoist API failed with HTTP 500: database down\n");
  }

  @Test
  void anUnreachableApiExitsTwoAndNamesTheUrl() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort;

    CliRunner.Result result =
        new CliRunner(home).env("HOIST_API_URL", url).env("HOIST_API_KEY", "k").run("apps");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(" !    cannot reach the Hoist API at " + url + ": connection refused\n");
  }

  @Test
  void debugAddsTheStackTrace() {
    api.on("GET", "/apps/demo", 500, "{\"id\":\"internal\",\"message\":\"boom\"}");

    CliRunner.Result result =
        CliRunner.against(api, home).run("apps:info", "-a", "demo", "--debug");

    assertThat(result.exitCode()).isEqualTo(70);
    assertThat(result.err())
        .startsWith(" !    the Hoist API failed with HTTP 500: boom\n")
        .contains("\tat dev.hoist.cli.api.ApiClient");
  }

  @Test
  void unexpectedExceptionsExitSeventyWithOneLine() {
    int code = ErrorHandler.exitCodeFor(new IllegalStateException("odd"));

    assertThat(code).isEqualTo(70);
    assertThat(ErrorHandler.messageFor(new IllegalStateException("odd\nsecond line")))
        .isEqualTo(
            " !    internal error: IllegalStateException: odd (run with --debug for details)");
  }

  @Test
  void usageErrorsExitOneNotPicocliTwo() {
    CliRunner cli = new CliRunner(home);

    CliRunner.Result unknownCommand = cli.run("confg");
    CliRunner.Result unknownOption = cli.run("apps", "--frobnicate");
    CliRunner.Result missingParameter = cli.run("access:add", "-a", "demo");

    assertThat(unknownCommand.exitCode()).isEqualTo(1);
    assertThat(unknownCommand.err())
        .startsWith("hoist: 'confg' is not a hoist command; did you mean config");
    assertThat(unknownOption.exitCode()).isEqualTo(1);
    assertThat(unknownOption.err())
        .isEqualTo("hoist: Unknown option: '--frobnicate' (see 'hoist help apps')\n");
    assertThat(missingParameter.exitCode()).isEqualTo(1);
    assertThat(missingParameter.err()).contains("Missing required parameter: 'EMAIL'");
  }

  @Test
  void requestsCarryTheKeyAndTheHerokuHeaders() {
    api.on("GET", "/account", 200, "{\"email\":\"me@example.com\"}");

    CliRunner.Result result = CliRunner.against(api, home).run("auth:whoami");

    assertThat(result.out()).isEqualTo("me@example.com\n");
    FakeApi.Request request = api.requests().get(0);
    assertThat(request.header("Authorization")).isEqualTo("Bearer test-key");
    assertThat(request.header("Accept")).isEqualTo("application/vnd.heroku+json; version=3");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
  }
}
