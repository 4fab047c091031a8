package dev.hoist.cli.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PsScaleCommandTest {

  @TempDir Path home;

  private final FakeApi api = new FakeApi();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void scaleSendsOneBatchWithAbsoluteRelativeAndSizedUpdates() throws Exception {
    api.on(
        "PATCH",
        "/apps/demo/formation",
        200,
        """
                [{"type":"web","quantity":2,"size":"standard-2X","dyno_size":{"name":"standard-2X"}},
                 {"type":"worker","quantity":3,"size":"standard-1X"},
                 {"type":"clock","quantity":0,"size":"Standard-1X"}]""");

    CliRunner.Result result =
        CliRunner.against(api, home)
            .run("ps:scale", "web=2:standard-2x", "worker+1", "clock-1", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(api.requests()).hasSize(1);
    JsonNode body = api.requests("PATCH").get(0).json();
    assertThat(body)
        .isEqualTo(
            Json.MAPPER.readTree(
                """
                {"updates":[{"type":"web","quantity":2,"size":"standard-2x"},
                            {"type":"worker","quantity":"+1"},
                            {"type":"clock","quantity":"-1"}]}"""));
    assertThat(result.out())
        .isEqualTo(
            "Scaling dynos... done, now running web at 2:Standard-2X, "
                + "worker at 3:Standard-1X, clock at 0:Standard-1X\n");
  }

  @Test
  void scaleReadsHyphenatedTypesAndRelativeQuantitiesApart() {
    assertThat(ScaleArguments.parse(java.util.List.of("my-worker-2", "my-web=1:performance-m")))
        .containsExactly(
            new ScaleArguments.Update("my-worker", "-2", null),
            new ScaleArguments.Update("my-web", 1, "performance-m"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "web",
        "web=",
        "web=two",
        "=2",
        "web=2:",
        "web*2",
        "web=+1",
        "web=1:std 1x",
        "web=1000"
      })
  void scaleRejectsUnknownSyntaxAndSendsNothing(String argument) {
    CliRunner.Result result =
        CliRunner.against(api, home).run("ps:scale", "-a", "demo", "web=1", argument);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("hoist: ")
        .contains("(see 'hoist help ps:scale')")
        .doesNotContain("\tat ");
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.out()).isEmpty();
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void scaleRejectsATypeGivenTwiceAndSendsNothing() {
    CliRunner.Result result =
        CliRunner.against(api, home).run("ps:scale", "-a", "demo", "web=1", "web+1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("process type 'web' is given more than once");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void scaleWithoutArgumentsShowsTheFormation() {
    api.on(
        "GET",
        "/apps/demo/formation",
        200,
        """
                [{"type":"web","quantity":1,"size":"standard-1x"},{"type":"worker","quantity":0,"size":"standard-1x"}]""");

    CliRunner.Result result = CliRunner.against(api, home).run("ps:scale", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("web=1:Standard-1X worker=0:Standard-1X\n");
  }
}
