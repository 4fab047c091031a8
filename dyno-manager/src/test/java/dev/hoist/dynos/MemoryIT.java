package dev.hoist.dynos;

import static dev.hoist.dynos.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import dev.hoist.dynos.scheduler.Labels;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.OneOff;
import dev.hoist.internal.state.DesiredState.Process;
import dev.hoist.internal.state.DesiredState.Slug;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Memory on the real engine: a dyno between its quota and twice it is logged with R14 at every
 * sample and keeps running; past twice its quota the kernel kills it (R15) and it is restarted.
 * Quotas of 48 MB keep it small.
 */
class MemoryIT {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final int QUOTA_MB = 48;
  private static final String R14 = "Error R14 (Memory quota exceeded)";
  private static final Pattern RUNNING =
      Pattern.compile("Process running mem=(\\d+)MB\\((\\d+\\.\\d)%\\)");

  /**
   * Holds argv[1] MB (a string of spaces, so every page is touched and resident), serves $PORT when
   * asked to, and once /tmp/grow exists takes one more MB after another without end.
   */
  private static final String HOLD_PY =
      """
      import http.server, os, sys, threading, time
      held = ' ' * (int(sys.argv[1]) << 20)
      print('holding', sys.argv[1], 'MB', flush=True)
      if sys.argv[2:] == ['serve']:
          server = http.server.HTTPServer(('', int(os.environ['PORT'])), http.server.BaseHTTPRequestHandler)
          threading.Thread(target=server.serve_forever, daemon=True).start()
      while not os.path.exists('/tmp/grow'):
          time.sleep(0.1)
      more = []
      while True:
          more.append(' ' * (1 << 20))
      """;

  private static Harness h;
  private static Slug slug;

  @BeforeAll
  static void start() throws Exception {
    h =
        new Harness(
            Map.of(
                "memory-interval", "2s")); // the engine's stats answer within its 1 s reading cycle
    slug =
        h.slug(
            TestSlugs.tarGz(Map.of("hold.py", HOLD_PY)), Map.of("web", "python3 hold.py 64 serve"));
  }

  @AfterAll
  static void stop() {
    if (h != null) h.close();
  }

  private static Process process(String type, String command) {
    return Harness.process(type, 1, command, QUOTA_MB);
  }

  @Test
  void logsR14AtEverySampleForEachKindOfDynoAboveItsQuotaAndKeepsItRunning() {
    AppState app =
        Harness.app(
            "swapping",
            1,
            slug,
            Map.of(),
            List.of(
                process("web", "python3 hold.py 64 serve"),
                process("worker", "python3 hold.py 64"),
                process("calm", "python3 hold.py 4")));
    h.api.put(
        Harness.withOneOffs(
            app,
            List.of(
                new OneOff(
                    "run.1",
                    "python3 hold.py 64",
                    "standard-1X",
                    QUOTA_MB,
                    256,
                    Map.of(),
                    false,
                    null,
                    null,
                    "2026-11-21T23:35:40Z",
                    null))));

    for (String dyno : List.of("web.1", "worker.1", "run.1")) {
      await(LIMIT, "R14 repeated for " + dyno, () -> r14s(dyno) >= 2);
      List<String> lines = h.api.messages("swapping", dyno);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).equals(R14)) continue;
        Matcher m = RUNNING.matcher(lines.get(i - 1));
        assertThat(m.matches())
            .as("%s: the line before R14 is %s", dyno, lines.get(i - 1))
            .isTrue();
        assertThat(Integer.parseInt(m.group(1)))
            .as("MB, between the quota and twice it")
            .isBetween(QUOTA_MB, 2 * QUOTA_MB);
        assertThat(Double.parseDouble(m.group(2))).as("%").isBetween(100.0, 200.0);
      }
      assertThat(lines)
          .as(dyno + " is not killed")
          .noneMatch(l -> l.startsWith("Error R15") || l.startsWith("Process exited"));
    }
    assertThat(h.routable("swapping")).as("the web dyno serves").hasSize(1);
    List<Container> running = h.containers("swapping");
    assertThat(running).hasSize(4).allMatch(c -> c.getState().equals("running"));
    assertThat(h.api.messages("swapping", "calm.1"))
        .as("within its quota: nothing")
        .contains("holding 4 MB")
        .noneMatch(l -> l.equals(R14) || l.startsWith("Process running"));
  }

  @Test
  void killsADynoPastTwiceItsQuotaWithR15AndRestartsIt() {
    h.api.put(
        Harness.app(
            "growing", 1, slug, Map.of(), List.of(process("worker", "python3 hold.py 64"))));
    await(LIMIT, "R14 first", () -> h.api.messages("growing", "worker.1").contains(R14));
    grow(
        h.containers("growing").stream()
            .filter(c -> c.getState().equals("running"))
            .findFirst()
            .orElseThrow());

    await(
        LIMIT,
        "R15, the kill and a restart",
        () ->
            h.api
                .messages("growing", "worker.1")
                .containsAll(
                    List.of(
                        "Error R15 (Memory quota vastly exceeded)",
                        "Process exited with status 137",
                        "State changed from crashed to starting")));
    List<String> lines = h.api.messages("growing", "worker.1");
    assertThat(lines.indexOf(R14))
        .as("R14 came before R15")
        .isLessThan(lines.indexOf("Error R15 (Memory quota vastly exceeded)"));
    await(
        LIMIT,
        "the new dyno holding its memory again",
        () ->
            h.api.messages("growing", "worker.1").stream()
                    .filter(l -> l.equals("holding 64 MB"))
                    .count()
                >= 2);
  }

  private static long r14s(String dyno) {
    return h.api.messages("swapping", dyno).stream().filter(R14::equals).count();
  }

  /** Tells the dyno's hold.py to take memory without end, through the engine (as its own user). */
  private static void grow(Container c) {
    assertThat(c.getLabels()).containsEntry(Labels.DYNO, "worker.1");
    String exec = h.client().execCreateCmd(c.getId()).withCmd("touch", "/tmp/grow").exec().getId();
    try {
      h.client().execStartCmd(exec).exec(new ResultCallback.Adapter<>()).awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
