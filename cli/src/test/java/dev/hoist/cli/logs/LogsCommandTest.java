package dev.hoist.cli.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.cli.api.Json;
import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogsCommandTest {

  @TempDir Path home;

  private final FakeApi api = new FakeApi();

  private static final String WEB_LINE =
      "2026-11-21T23:35:40.123456Z app[web.1]: node-hello listening on 5000\n";
  private static final String ROUTER_LINE =
      "2026-11-21T23:35:41.000001Z hoist[router]: at=info status=200 ünïcode\n";

  @AfterEach
  void stop() {
    api.close();
  }

  private void answerSession() {
    api.on(
        "POST",
        "/apps/demo/log-sessions",
        201,
        "{\"id\":\"s1\",\"logplex_url\":\"" + api.url() + "/log-sessions/s1/stream?sig=s3cret\"}");
    api.stream(
        "GET",
        "/log-sessions/s1/stream",
        WEB_LINE,
        ROUTER_LINE.substring(0, 40),
        ROUTER_LINE.substring(40));
  }

  @Test
  void logsOpensASessionAndCopiesTheSignedStreamWithoutTheApiKey() throws Exception {
    answerSession();

    CliRunner.Result result = CliRunner.against(api, home).run("logs", "-a", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo(WEB_LINE + ROUTER_LINE);
    assertThat(result.err()).isEmpty();
    assertThat(api.requests("POST").get(0).json())
        .isEqualTo(Json.MAPPER.readTree("{\"lines\":100,\"tail\":false}"));
    FakeApi.Request stream = api.requests("GET").get(0);
    assertThat(stream.query()).isEqualTo("sig=s3cret");
    assertThat(stream.header("Authorization")).isNull();
  }

  @Test
  void logsPassesNumTailSourceAndDyno() throws Exception {
    answerSession();

    CliRunner.Result result =
        CliRunner.against(api, home)
            .run("logs", "-a", "demo", "-n", "1000", "-t", "-s", "app", "-d", "web.1");

    assertThat(result.exitCode()).isZero();
    assertThat(api.requests("POST").get(0).json())
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"lines\":1000,\"tail\":true,\"source\":\"app\",\"dyno\":\"web.1\"}"));
  }

  @Test
  void logsSendsAProcessTypeAsTheDyno() throws Exception {
    answerSession();

    CliRunner.Result result =
        CliRunner.against(api, home).run("logs", "-a", "demo", "--process-type", "web");

    assertThat(result.exitCode()).isZero();
    assertThat(api.requests("POST").get(0).json().path("dyno").asText()).isEqualTo("web");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1501", "-5", "abc"})
  void logsRejectsABadNumAndSendsNothing(String num) {
    CliRunner.Result result = CliRunner.against(api, home).run("logs", "-a", "demo", "-n", num);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("hoist: ").contains("(see 'hoist help logs')");
    assertThat(result.out()).isEmpty();
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void logsRejectsAnUnknownSourceAndSendsNothing() {
    CliRunner.Result result =
        CliRunner.against(api, home).run("logs", "-a", "demo", "-s", "router");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("hoist: --source must be app or hoist");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void logsExitsOneWhenTheStreamIsRefused() {
    api.on(
        "POST",
        "/apps/demo/log-sessions",
        201,
        "{\"logplex_url\":\"/log-sessions/s1/stream?sig=old\"}");
    api.on(
        "GET",
        "/log-sessions/s1/stream",
        403,
        "{\"id\":\"forbidden\",\"message\":\"this log session has expired\"}");

    CliRunner.Result result = CliRunner.against(api, home).run("logs", "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo(" !    this log session has expired\n");
  }

  @Test
  void copyLinesWritesEachLineAsSoonAsItArrives() throws Exception {
    PipedOutputStream server = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(server);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompletableFuture<Void> copying =
        CompletableFuture.runAsync(
            () -> {
              try {
                LogsCommand.copyLines(in, out, false);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    server.write("first\nsec".getBytes(StandardCharsets.UTF_8));
    server.flush();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!out.toString(StandardCharsets.UTF_8).equals("first\n")
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("first\n");
    server.write("ond\nlast, unterminated".getBytes(StandardCharsets.UTF_8));
    server.close();
    copying.get(10, TimeUnit.SECONDS);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("first\nsecond\nlast, unterminated");
  }

  @Test
  void colorsTheTimestampAndHeaderOnlyAndLeavesOtherLinesAlone() {
    byte[] colored = LogColors.colorize(WEB_LINE.getBytes(StandardCharsets.UTF_8));
    String text = new String(colored, StandardCharsets.UTF_8);

    assertThat(text)
        .startsWith(LogColors.DIM + "2026-11-21T23:35:40.123456Z" + LogColors.RESET + " \u001b[")
        .endsWith("app[web.1]" + LogColors.RESET + ": node-hello listening on 5000\n");
    assertThat(
            new String(
                LogColors.colorize(ROUTER_LINE.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8))
        .contains(LogColors.PLATFORM + "hoist[router]" + LogColors.RESET);
    assertThat(LogColors.colorize("no prefix here\n".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("no prefix here\n".getBytes(StandardCharsets.UTF_8));
  }
}
