package dev.hoist.dynos;

import static dev.hoist.dynos.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.internal.attach.AttachProtocol;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.OneOff;
import dev.hoist.internal.state.DesiredState.Release;
import dev.hoist.internal.state.DesiredState.Slug;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One-off dynos: detached with output to the logs, attached over the attach protocol, time to live,
 * give-up.
 */
class OneOffIT {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static Harness h;
  private static Slug slug;

  @BeforeAll
  static void start() throws Exception {
    h = new Harness(Map.of("attach-timeout", "2s", "stop-grace", "2s"));
    slug = h.slug(TestSlugs.web(), Map.of("web", "node web.js"));
  }

  @AfterAll
  static void stop() {
    if (h != null) h.close();
  }

  private static void run(String app, OneOff... oneOffs) {
    AppState base = Harness.app(app, 3, slug, Map.of("GREETING", "hello"), List.of());
    h.api.put(Harness.withOneOffs(base, List.of(oneOffs)));
  }

  private static OneOff oneOff(String name, String command, boolean attach, Integer ttl) {
    return new OneOff(
        name,
        command,
        "standard-1X",
        128,
        256,
        Map.of("EXTRA", "x"),
        attach,
        attach ? "token-" + name + "-" + h.scope : null,
        ttl,
        "2026-11-21T23:35:40Z",
        null);
  }

  @Test
  void runsADetachedOneOffWithItsOutputInTheLogs() {
    run(
        "detached",
        oneOff("run.1", "echo \"$GREETING from $DYNO $EXTRA port $PORT\"; exit 7", false, null));
    await(LIMIT, "the exit", () -> h.api.exits.get("detached/run.1") != null);
    assertThat(h.api.exits.get("detached/run.1")).isEqualTo(7);
    await(
        LIMIT,
        "the output and events",
        () ->
            h.api
                .messages("detached", "run.1")
                .containsAll(
                    List.of(
                        "hello from run.1 x port 5000",
                        "Process exited with status 7",
                        "State changed from up to complete")));
    await(LIMIT, "the container removed", () -> h.containers("detached").isEmpty());
  }

  @Test
  void runsAnAttachedOneOffOverTheAttachProtocol() throws Exception {
    OneOff o = oneOff("run.2", "read line; echo \"got $line\"; echo oops >&2; exit 5", true, null);
    run("attached", o);
    await(
        LIMIT,
        "the one-off reported waiting",
        () ->
            h.api.dynos("attached").stream()
                .anyMatch(d -> d.name().equals("run.2") && d.state().equals("starting")));
    try (AttachClient client =
        new AttachClient(h.manager.attachPort(), o.attachToken(), false, 80, 24)) {
      client.send(AttachProtocol.STDIN, "hi there\n");
      client.readToEnd();
      assertThat(client.out()).isEqualTo("got hi there\n");
      assertThat(client.err()).isEqualTo("oops\n");
      assertThat(client.exit).isEqualTo("5");
    }
    await(
        LIMIT,
        "the exit reported",
        () -> Integer.valueOf(5).equals(h.api.exits.get("attached/run.2")));
  }

  @Test
  void streamsOneWriteLargerThanAnAttachFrameInFramesTheClientAccepts() throws Exception {
    OneOff o = oneOff("run.7", "python3 -c \"import os; os.write(1, b'x' * 3000000)\"", true, null);
    run("bulky", o);
    await(LIMIT, "the one-off waiting", () -> !h.api.dynos("bulky").isEmpty());
    try (AttachClient client =
        new AttachClient(h.manager.attachPort(), o.attachToken(), false, 80, 24)) {
      client.send(AttachProtocol.STDIN_CLOSED, "");
      assertThat(client.readToEnd().stdout.size())
          .isEqualTo(3_000_000); // readToEnd refuses a frame over 1 MiB
      assertThat(client.out().chars().allMatch(c -> c == 'x')).as("only the x's written").isTrue();
      assertThat(client.exit).isEqualTo("0");
    }
  }

  @Test
  void passesTheEndOfStdinAndGivesATerminalWhenAsked() throws Exception {
    OneOff counting = oneOff("run.3", "wc -c", true, null);
    OneOff terminal = oneOff("run.4", "tty; stty size", true, null);
    run("stdin", counting, terminal);
    await(LIMIT, "both waiting", () -> h.api.dynos("stdin").size() == 2);
    try (AttachClient client =
        new AttachClient(h.manager.attachPort(), counting.attachToken(), false, 80, 24)) {
      client.send(AttachProtocol.STDIN, "hello");
      client.send(AttachProtocol.STDIN_CLOSED, "");
      assertThat(client.readToEnd().out().trim()).isEqualTo("5");
      assertThat(client.exit).isEqualTo("0");
    }
    try (AttachClient client =
        new AttachClient(h.manager.attachPort(), terminal.attachToken(), true, 100, 30)) {
      assertThat(client.readToEnd().out()).contains("/dev/pts/", "30 100");
      assertThat(client.exit).isEqualTo("0");
    }
  }

  @Test
  void runsAReleasePhaseOnItsOwnReleaseAndTheAppsStack() {
    Release pending = new Release("r9", 9, slug, Map.of("PHASE", "v9"));
    OneOff phase =
        new OneOff(
            "release.1",
            "echo \"phase $PHASE\"; javac -version",
            "standard-1X",
            256,
            256,
            Map.of(),
            false,
            null,
            600,
            null,
            pending);
    AppState app = Harness.app("phased", 8, slug, Map.of("PHASE", "v8"), List.of());
    h.api.put(
        new AppState(
            app.id(),
            app.name(),
            "hoist/stack-build:current",
            app.release(),
            List.of(),
            Map.of(),
            List.of(phase)));
    await(LIMIT, "the exit", () -> h.api.exits.get("phased/release.1") != null);
    assertThat(h.api.exits.get("phased/release.1")).isZero();
    await(
        LIMIT,
        "its output",
        () ->
            h.api.messages("phased", "release.1").contains("phase v9")
                && h.api.messages("phased", "release.1").stream()
                    .anyMatch(m -> m.startsWith("javac 17")));
  }

  @Test
  void refusesAnUnknownToken() throws Exception {
    try (AttachClient client =
        new AttachClient(h.manager.attachPort(), "no-such-token", false, 80, 24)) {
      assertThat(client.readToEnd().error).contains("no dyno waits for this attach token");
    }
  }

  @Test
  void givesUpOnAnAttachedOneOffNobodyAttachesTo() {
    run("lonely", oneOff("run.5", "echo never", true, null));
    await(LIMIT, "the give-up", () -> h.api.exits.get("lonely/run.5") != null);
    assertThat(h.api.exits.get("lonely/run.5")).isEqualTo(255);
    await(
        LIMIT,
        "R13",
        () ->
            h.api
                .messages("lonely", "run.5")
                .contains("Error R13 (Attach error) -> Failed to attach to process"));
  }

  @Test
  void stopsAOneOffAfterItsTimeToLive() {
    run("mortal", oneOff("run.6", "sleep 600", false, 2));
    await(LIMIT, "the exit", () -> h.api.exits.get("mortal/run.6") != null);
    assertThat(h.api.exits.get("mortal/run.6")).isEqualTo(143);
    await(
        LIMIT,
        "the stop",
        () -> h.api.messages("mortal", "run.6").contains("Stopping all processes with SIGTERM"));
  }
}
