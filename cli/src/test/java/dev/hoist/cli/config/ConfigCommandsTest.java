package dev.hoist.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.cli.api.Json;
import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigCommandsTest {

  @TempDir Path home;

  private final FakeApi api = new FakeApi();

  @AfterEach
  void stop() {
    api.close();
  }

  private void currentRelease(int version) {
    api.on(
        "GET",
        "/apps/demo/releases",
        200,
        "[{\"version\":" + version + ",\"current\":true,\"description\":\"Set config vars\"}]");
  }

  @Test
  void configSetKeepsEverythingAfterTheFirstEqualsSignAsTheValue() throws Exception {
    api.on(
        "PATCH",
        "/apps/demo/config-vars",
        200,
        "{\"DATABASE_URL\":\"postgres://u:p@db/x?ssl=true\",\"EMPTY\":\"\",\"OTHER\":\"kept\"}");
    currentRelease(5);

    CliRunner.Result result =
        CliRunner.against(api, home)
            .run("config:set", "DATABASE_URL=postgres://u:p@db/x?ssl=true", "EMPTY=", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(api.requests("PATCH").get(0).json())
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"DATABASE_URL\":\"postgres://u:p@db/x?ssl=true\",\"EMPTY\":\"\"}"));
    assertThat(result.out())
        .isEqualTo(
            """
                Setting DATABASE_URL, EMPTY and restarting demo... done, v5
                DATABASE_URL: postgres://u:p@db/x?ssl=true
                EMPTY:
                """);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1BAD=x", "BAD-KEY=x", "=value", "NOEQUALS", "SPACE KEY=x"})
  void configSetRejectsABadArgumentAndSendsNothing(String argument) {
    CliRunner.Result result =
        CliRunner.against(api, home).run("config:set", "GOOD=1", argument, "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("hoist: ").contains("(see 'hoist help config:set')");
    assertThat(result.out()).isEmpty();
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void configUnsetSendsNullForEachKey() throws Exception {
    api.on("PATCH", "/apps/demo/config-vars", 200, "{}");
    currentRelease(6);

    CliRunner.Result result =
        CliRunner.against(api, home).run("config:unset", "A", "B", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(api.requests("PATCH").get(0).json())
        .isEqualTo(Json.MAPPER.readTree("{\"A\":null,\"B\":null}"));
    assertThat(result.out()).isEqualTo("Unsetting A, B and restarting demo... done, v6\n");
  }

  @Test
  void configGetPrintsTheRawValueAndExitsOneWithNothingWhenUnset() {
    api.on("GET", "/apps/demo/config-vars", 200, "{\"A\":\"x=1 'y'\"}");
    CliRunner cli = CliRunner.against(api, home);

    CliRunner.Result set = cli.run("config:get", "A", "-a", "demo");
    CliRunner.Result unset = cli.run("config:get", "MISSING", "-a", "demo");

    assertThat(set.exitCode()).isZero();
    assertThat(set.out()).isEqualTo("x=1 'y'\n");
    assertThat(unset.exitCode()).isEqualTo(1);
    assertThat(unset.out()).isEmpty();
    assertThat(unset.err()).isEmpty();
  }

  @Test
  void configAlignsValuesLikeHerokuAndQuotesForTheShell() {
    api.on("GET", "/apps/demo/config-vars", 200, "{\"LONG_NAME\":\"a b\",\"A\":\"1\"}");
    CliRunner cli = CliRunner.against(api, home);

    assertThat(cli.run("config", "-a", "demo").out())
        .isEqualTo(
            """
                === demo Config Vars
                A:         1
                LONG_NAME: a b
                """);
    assertThat(cli.run("config", "--shell", "-a", "demo").out())
        .isEqualTo("A=1\nLONG_NAME='a b'\n");
  }
}
