package dev.hoist.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.cli.api.Json;
import dev.hoist.cli.support.CliRunner;
import dev.hoist.cli.support.FakeApi;
import dev.hoist.internal.attach.AttachProtocol;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandsTest {

  @TempDir Path home;

  private final FakeApi api = new FakeApi();

  @AfterEach
  void stop() {
    api.close();
  }

  /**
   * Like {@code cat} that then complains and exits 3: stdin frames back as stdout, until stdin
   * closes.
   */
  private static final FakeDyno.Script CAT_THEN_EXIT_3 =
      (in, out) -> {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        for (AttachProtocol.Frame frame = FakeDyno.read(in);
            frame.type() != 1;
            frame = FakeDyno.read(in)) {
          assertThat(frame.type()).isZero();
          received.writeBytes(frame.payload());
        }
        FakeDyno.send(out, 1, "got: " + received.toString(StandardCharsets.UTF_8));
        FakeDyno.send(out, 2, "warning: done\n");
        FakeDyno.send(out, 3, "3");
      };

  private void answerRunWith(FakeDyno dyno) {
    api.on(
        "POST",
        "/apps/demo/dynos",
        201,
        "{\"name\":\"run.4711\",\"state\":\"starting\",\"attach_url\":\""
            + dyno.attachUrl("tok-123")
            + "\"}");
  }

  @Test
  void runAttachesRelaysStdinAndOutputAndExitsWithTheDynosStatus() throws Exception {
    try (FakeDyno dyno = new FakeDyno(CAT_THEN_EXIT_3)) {
      answerRunWith(dyno);

      CliRunner.Result result =
          CliRunner.against(api, home).stdin("hello\nworld\n").run("run", "cat", "-a", "demo");

      dyno.awaitScript();
      assertThat(dyno.handshake()).isEqualTo("HOIST-ATTACH tok-123 0 80 24");
      assertThat(result.exitCode()).isEqualTo(3);
      assertThat(result.out()).isEqualTo("got: hello\nworld\n");
      assertThat(result.err()).isEqualTo("Running cat on demo... up, run.4711\nwarning: done\n");
      assertThat(api.requests("POST").get(0).json())
          .isEqualTo(Json.MAPPER.readTree("{\"command\":\"cat\",\"attach\":true}"));
    }
  }

  @Test
  void runWithNoExitCodeExitsZeroWhateverTheDynoSays() throws Exception {
    try (FakeDyno dyno = new FakeDyno(CAT_THEN_EXIT_3)) {
      answerRunWith(dyno);

      CliRunner.Result result =
          CliRunner.against(api, home).run("run", "--no-exit-code", "cat", "-a", "demo");

      assertThat(result.exitCode()).isZero();
      assertThat(result.out()).isEqualTo("got: ");
    }
  }

  @Test
  void runJoinsCommandWordsAndPassesUnknownOptionsToTheCommand() throws Exception {
    try (FakeDyno dyno = new FakeDyno((in, out) -> FakeDyno.send(out, 3, "0"))) {
      answerRunWith(dyno);

      CliRunner.Result result =
          CliRunner.against(api, home)
              .run("run", "ls", "-la", "/app", "-a", "demo", "-e", "A=1;B=x=y", "--no-tty");

      assertThat(result.exitCode()).isZero();
      assertThat(api.requests("POST").get(0).json())
          .isEqualTo(
              Json.MAPPER.readTree(
                  "{\"command\":\"ls -la /app\",\"attach\":true,\"env\":{\"A\":\"1\",\"B\":\"x=y\"}}"));
      assertThat(result.err()).startsWith("Running ls -la /app on demo... up, run.4711\n");
    }
  }

  @Test
  void runExitsOneWithTheMessageOfAnErrorFrame() throws Exception {
    try (FakeDyno dyno = new FakeDyno((in, out) -> FakeDyno.send(out, 4, "run.4711 is gone"))) {
      answerRunWith(dyno);

      CliRunner.Result result = CliRunner.against(api, home).run("run", "bash", "-a", "demo");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err())
          .isEqualTo("Running bash on demo... up, run.4711\n !    run.4711 is gone\n");
      assertThat(result.out()).isEmpty();
    }
  }

  @Test
  void runExitsOneWhenTheConnectionEndsWithoutAnExitStatus() throws Exception {
    try (FakeDyno dyno = new FakeDyno((in, out) -> FakeDyno.send(out, 1, "partial"))) {
      answerRunWith(dyno);

      CliRunner.Result result = CliRunner.against(api, home).run("run", "bash", "-a", "demo");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.out()).isEqualTo("partial");
      assertThat(result.err())
          .endsWith(" !    the connection to run.4711 closed before the command finished\n");
    }
  }

  @Test
  void runDetachedPostsWithoutAttachingAndSaysWhereTheOutputGoes() throws Exception {
    api.on("POST", "/apps/demo/dynos", 201, "{\"name\":\"run.4711\",\"state\":\"starting\"}");

    CliRunner.Result result =
        CliRunner.against(api, home)
            .run(
                "run:detached",
                "rake",
                "db:migrate",
                "-s",
                "standard-2x",
                "-e",
                "VERBOSE=1",
                "-a",
                "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(api.requests("POST").get(0).json())
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"command\":\"rake db:migrate\",\"attach\":false,\"env\":{\"VERBOSE\":\"1\"},\"size\":\"standard-2x\"}"));
    assertThat(result.out())
        .isEqualTo(
            "Running rake db:migrate on demo... done, run.4711\n"
                + "Use 'hoist logs -a demo --dyno run.4711' to view the output.\n");
  }

  @Test
  void runRejectsABadEnvAssignmentAndSendsNothing() {
    CliRunner.Result result =
        CliRunner.against(api, home).run("run", "bash", "-e", "1BAD=x", "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("hoist: invalid config key '1BAD'")
        .contains("(see 'hoist help run')");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void runNeedsACommand() {
    CliRunner.Result result = CliRunner.against(api, home).run("run", "-a", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("hoist: ");
    assertThat(api.requests()).isEmpty();
  }
}
