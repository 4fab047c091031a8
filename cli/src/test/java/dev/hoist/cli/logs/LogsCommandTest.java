package dev.hoist.cli.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.cli.api.ApiClient;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Environment;
import dev.hoist.cli.io.Settings;
import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
    nextSession("s1");
    api.stream("GET", "/log-sessions/s1/stream", WEB_LINE);
    thenTheAppIsGone();

    CliRunner.Result result =
        CliRunner.against(api, home)
            .run("logs", "-a", "demo", "-n", "1000", "-t", "-s", "app", "-d", "web.1");

    assertThat(result.out()).isEqualTo(WEB_LINE);
    assertThat(api.requests("POST").get(0).json())
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"lines\":1000,\"tail\":true,\"source\":\"app\",\"dyno\":\"web.1\"}"));
    // the stream ended, so it was reopened with the same filters and the whole history
    assertThat(api.requests("POST").get(1).json())
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"lines\":1500,\"tail\":true,\"source\":\"app\",\"dyno\":\"web.1\"}"));
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

  private static final String GONE =
      "{\"id\":\"not_found\",\"message\":\"Couldn't find that app.\"}";

  private static String line(int n) {
    return "2026-11-21T23:35:" + (10 + n) + ".00000" + n % 10 + "Z app[web.1]: line " + n + "\n";
  }

  /** The next {@code POST /apps/demo/log-sessions} opens session {@code id}. */
  private void nextSession(String id) {
    api.once(
        "POST",
        "/apps/demo/log-sessions",
        201,
        "{\"id\":\"" + id + "\",\"logplex_url\":\"/log-sessions/" + id + "/stream?sig=x\"}");
  }

  /** Once the sessions given run out, the app is gone: the tail ends with exit 1. */
  private void thenTheAppIsGone() {
    api.on("POST", "/apps/demo/log-sessions", 404, GONE);
  }

  private CliRunner.Result tail() {
    return CliRunner.against(api, home).run("logs", "-a", "demo", "-t");
  }

  @Test
  void tailReopensAnEndedStreamAndPrintsNoLineTwice() throws Exception {
    nextSession("s1");
    api.stream("GET", "/log-sessions/s1/stream", line(1), line(2));
    nextSession("s2");
    api.stream("GET", "/log-sessions/s2/stream", line(1), line(2), line(3) + line(4));
    thenTheAppIsGone();

    CliRunner.Result result = tail();

    assertThat(result.out()).isEqualTo(line(1) + line(2) + line(3) + line(4));
    assertThat(result.err()).isEqualTo(" !    Couldn't find that app.\n");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(api.requests("POST")).hasSize(3);
    assertThat(api.requests("POST").get(0).json())
        .isEqualTo(Json.MAPPER.readTree("{\"lines\":100,\"tail\":true}"));
    assertThat(api.requests("POST").get(1).json())
        .isEqualTo(Json.MAPPER.readTree("{\"lines\":1500,\"tail\":true}"));
  }

  @Test
  void tailReopensACutConnectionAndPrintsTheCutLineOnceAndWhole() {
    nextSession("s1");
    api.streamThenCut("GET", "/log-sessions/s1/stream", line(1), line(2), line(3).substring(0, 20));
    nextSession("s2");
    api.stream("GET", "/log-sessions/s2/stream", line(1) + line(2) + line(3), line(4));
    thenTheAppIsGone();

    CliRunner.Result result = tail();

    assertThat(result.out()).isEqualTo(line(1) + line(2) + line(3) + line(4));
    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void tailPrintsTheLinesOfTheGapBetweenTwoStreamsOnce() {
    nextSession("s1");
    api.stream("GET", "/log-sessions/s1/stream", line(1), line(2));
    nextSession("s2");
    api.stream("GET", "/log-sessions/s2/stream", line(2), line(3), line(4));
    nextSession("s3");
    api.streamThenCut("GET", "/log-sessions/s3/stream", line(3), line(4), line(5));
    nextSession("s4");
    api.stream("GET", "/log-sessions/s4/stream", line(4), line(5), line(6));
    thenTheAppIsGone();

    CliRunner.Result result = tail();

    assertThat(result.out()).isEqualTo(line(1) + line(2) + line(3) + line(4) + line(5) + line(6));
    assertThat(result.err()).isEqualTo(" !    Couldn't find that app.\n");
  }

  @Test
  void tailPrintsNothingHeldFromAStreamCutBeforeItFoundWhereToJoin() {
    nextSession("s1");
    api.stream("GET", "/log-sessions/s1/stream", line(1), line(2));
    nextSession("s2");
    // cut in the middle of its history, before the last line printed came by
    api.streamThenCut("GET", "/log-sessions/s2/stream", line(0), line(1).substring(0, 9));
    nextSession("s3");
    api.stream("GET", "/log-sessions/s3/stream", line(0), line(1), line(2), line(3));
    thenTheAppIsGone();

    CliRunner.Result result = tail();

    assertThat(result.out()).isEqualTo(line(1) + line(2) + line(3));
    assertThat(result.err()).isEqualTo(" !    Couldn't find that app.\n");
  }

  @Test
  void tailTellsIdenticalConsecutiveLinesApartByTheLinesBeforeThem() {
    String same = "2026-11-21T23:35:40.000000Z app[web.1]: .\n";
    nextSession("s1");
    api.stream("GET", "/log-sessions/s1/stream", line(1), same, same);
    nextSession("s2");
    api.stream("GET", "/log-sessions/s2/stream", line(1), same, same, same, line(5));
    thenTheAppIsGone();

    CliRunner.Result result = tail();

    assertThat(result.out()).isEqualTo(line(1) + same + same + same + line(5));
  }

  @Test
  void tailPrintsTheWholeHistoryWithANoticeWhenTheLastLineShownIsGone() {
    nextSession("s1");
    api.stream("GET", "/log-sessions/s1/stream", line(1), line(2));
    nextSession("s2");
    api.stream("GET", "/log-sessions/s2/stream", line(5), line(6));
    thenTheAppIsGone();

    CliRunner.Result result = tail();

    assertThat(result.out()).isEqualTo(line(1) + line(2) + line(5) + line(6));
    assertThat(result.err())
        .isEqualTo(
            " !    the log stream was reopened and the last line shown is no longer in the app's"
                + " history: lines may be missing here\n"
                + " !    Couldn't find that app.\n");
  }

  @Test
  void tailRetriesWhileTheApiAnswers503AndThenGoesOn() {
    nextSession("s1");
    api.stream("GET", "/log-sessions/s1/stream", line(1));
    String unavailable = "{\"id\":\"unavailable\",\"message\":\"no api dyno answers\"}";
    api.once("POST", "/apps/demo/log-sessions", 503, unavailable);
    api.once("POST", "/apps/demo/log-sessions", 503, unavailable);
    nextSession("s2");
    api.stream("GET", "/log-sessions/s2/stream", line(1), line(2));
    thenTheAppIsGone();

    CliRunner.Result result = tail();

    assertThat(result.out()).isEqualTo(line(1) + line(2));
    assertThat(result.err())
        .isEqualTo(
            " !    lost the log stream (HTTP 503: no api dyno answers); reconnecting for up to 2"
                + " minutes\n"
                + " !    Couldn't find that app.\n");
    assertThat(api.requests("POST")).hasSize(5);
  }

  @Test
  void tailRetriesWhileTheStreamsAddressRefusesConnections() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    nextSession("s1");
    api.stream("GET", "/log-sessions/s1/stream", line(1));
    api.once(
        "POST",
        "/apps/demo/log-sessions",
        201,
        "{\"logplex_url\":\"http://127.0.0.1:" + closedPort + "/log-sessions/s2/stream\"}");
    nextSession("s3");
    api.stream("GET", "/log-sessions/s3/stream", line(1), line(2));
    thenTheAppIsGone();

    CliRunner.Result result = tail();

    assertThat(result.out()).isEqualTo(line(1) + line(2));
    assertThat(result.err())
        .startsWith(" !    lost the log stream (cannot reach the Hoist API at http://127.0.0.1:")
        .endsWith(" !    Couldn't find that app.\n");
  }

  @Test
  void tailGivesUpAfterTwoMinutesOfFailingWithTheLastError() {
    nextSession("s1");
    api.stream("GET", "/log-sessions/s1/stream", line(1));
    api.on(
        "POST",
        "/apps/demo/log-sessions",
        503,
        "{\"id\":\"unavailable\",\"message\":\"no api dyno answers\"}");

    CliRunner.Result result =
        CliRunner.against(api, home).clock(new TickingClock()).run("logs", "-a", "demo", "-t");

    assertThat(result.exitCode()).isEqualTo(70);
    assertThat(result.out()).isEqualTo(line(1));
    assertThat(result.err())
        .endsWith(" !    the Hoist API failed with HTTP 503: no api dyno answers\n");
    // a failure every 10 s of the ticking clock: 2 minutes is about a dozen attempts, not hundreds
    assertThat(api.requests("POST").size()).isBetween(5, 30);
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403, 404})
  void tailEndsAtOnceWhenReopeningIsRefused(int status) {
    nextSession("s1");
    api.stream("GET", "/log-sessions/s1/stream", line(1));
    api.on(
        "POST",
        "/apps/demo/log-sessions",
        status,
        "{\"id\":\"refused\",\"message\":\"not for you\"}");

    CliRunner.Result result = tail();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEqualTo(line(1));
    assertThat(result.err()).isEqualTo(" !    not for you\n");
    assertThat(api.requests("POST")).hasSize(2);
  }

  @Test
  void logsWithoutTailNeitherReopensAnEndedStreamNorRetries() {
    nextSession("s1");
    api.stream("GET", "/log-sessions/s1/stream", line(1));
    thenTheAppIsGone();

    CliRunner.Result ended = CliRunner.against(api, home).run("logs", "-a", "demo");

    assertThat(ended.exitCode()).isZero();
    assertThat(ended.out()).isEqualTo(line(1));
    assertThat(api.requests("POST")).hasSize(1);

    api.on("POST", "/apps/demo/log-sessions", 503, "{\"message\":\"no api dyno answers\"}");
    CliRunner.Result unavailable = CliRunner.against(api, home).run("logs", "-a", "demo");

    assertThat(unavailable.exitCode()).isEqualTo(70);
    assertThat(api.requests("POST")).hasSize(2);
  }

  @Test
  void tailDoesNotRetryTheFirstSession() {
    api.on("POST", "/apps/demo/log-sessions", 503, "{\"message\":\"no api dyno answers\"}");

    CliRunner.Result result = tail();

    assertThat(result.exitCode()).isEqualTo(70);
    assertThat(api.requests("POST")).hasSize(1);
  }

  @Test
  void tailEndsWhenTheOutputIsClosed() throws Exception {
    nextSession("s1");
    api.stream("GET", "/log-sessions/s1/stream", line(1), line(2));
    nextSession("s2");
    api.stream("GET", "/log-sessions/s2/stream", line(1), line(2), line(3));
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    PrintStream pipe =
        new PrintStream(
            new OutputStream() {
              @Override
              public void write(int b) throws IOException {
                if (written.size() >= line(1).length()) {
                  throw new IOException("Broken pipe");
                }
                written.write(b);
              }
            });
    LogTail tail =
        new LogTail(
            new ApiClient(new Settings(api.url(), "test-key", null)),
            Environment.of(Map.of(), home, home, ""),
            "demo",
            Map.of("lines", 100, "tail", true),
            pipe,
            new PrintWriter(new StringWriter()),
            false);

    tail.follow();

    assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo(line(1));
    assertThat(api.requests("POST")).hasSize(1);
  }

  /** A clock that moves 10 s on at each reading. */
  private static final class TickingClock extends Clock {

    private final AtomicLong seconds = new AtomicLong();

    @Override
    public Instant instant() {
      return Instant.parse("2026-11-21T23:35:00Z").plusSeconds(seconds.getAndAdd(10));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
