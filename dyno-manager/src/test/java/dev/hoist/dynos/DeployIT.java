package dev.hoist.dynos;

import static dev.hoist.dynos.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.internal.dynos.DynoReport;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.Slug;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deploys and restarts of web dynos under load: a client loop sends requests straight to the
 * reported routable dynos, retrying on another one when a connection fails (as the router does); no
 * request may fail.
 */
class DeployIT {
  private static final Duration LIMIT = Duration.ofSeconds(40);
  private static Harness h;
  private static Slug slug;

  @BeforeAll
  static void start() throws Exception {
    h = new Harness(Map.of("boot-timeout", "10s"));
    slug = h.slug(TestSlugs.web(), Map.of("web", "node web.js"));
  }

  @AfterAll
  static void stop() {
    if (h != null) h.close();
  }

  private static AppState release(String app, int version, String command) {
    return Harness.app(
        app,
        version,
        slug,
        Map.of("TAG", "v" + version),
        List.of(Harness.process("web", 2, command, 128)));
  }

  @Test
  void deploysAndRestartsWithoutAFailedRequest() throws Exception {
    h.api.put(release("rolling", 1, "node web.js"));
    await(LIMIT, "two v1 dynos up", () -> h.routable("rolling").size() == 2);
    try (Load load = new Load("rolling")) {
      await(LIMIT, "traffic", () -> load.ok.get() > 20);
      h.api.put(release("rolling", 2, "node web.js"));
      await(
          LIMIT,
          "only v2 left",
          () -> onlyRelease("rolling", 2) && h.containers("rolling").size() == 2);
      int afterDeploy = load.ok.get();
      Set<String> before = ids("rolling");
      h.api.put(
          Harness.withRestarts(h.api.app("rolling"), Map.of("*", System.currentTimeMillis())));
      await(
          LIMIT,
          "restarted dynos up",
          () ->
              h.routable("rolling").size() == 2
                  && h.containers("rolling").size() == 2
                  && ids("rolling").stream().noneMatch(before::contains));
      await(LIMIT, "traffic after the restart", () -> load.ok.get() > afterDeploy + 20);
      load.close();
      assertThat(load.failures).as("failed requests").isEmpty();
      assertThat(load.answers).contains("web.1 v1", "web.2 v1", "web.1 v2", "web.2 v2");
    }
    await(
        LIMIT, "graceful stops", () -> h.api.messages("rolling", "web.1").contains("got SIGTERM"));
  }

  @Test
  void keepsTheOldReleaseServingWhenTheNewOneFailsToBoot() throws Exception {
    h.api.put(release("broken", 1, "node web.js"));
    await(LIMIT, "v1 up", () -> h.routable("broken").size() == 2);
    h.api.put(release("broken", 2, "echo cannot start; exit 1"));
    await(
        LIMIT,
        "the failure said",
        () ->
            h.api.messages("broken", null).stream()
                .anyMatch(
                    m ->
                        m.startsWith("Release v2 failed to boot")
                            && m.endsWith("the running dynos of v1 keep serving")));
    await(
        LIMIT,
        "second crash",
        () ->
            h.api.messages("broken", "web.1").stream()
                    .filter(m -> m.equals("Process exited with status 1"))
                    .count()
                >= 2);
    List<DynoReport> serving = h.routable("broken");
    assertThat(serving).hasSize(2).allMatch(d -> d.releaseVersion() == 1);
    for (DynoReport d : serving) assertThat(HttpProbe.get(d.address(), "/")).endsWith("v1\n");

    h.api.put(release("broken", 3, "node web.js"));
    await(LIMIT, "v3 took over", () -> onlyRelease("broken", 3));
  }

  private static boolean onlyRelease(String app, int version) {
    List<DynoReport> dynos = h.api.dynos(app);
    return dynos.size() == 2
        && dynos.stream().allMatch(d -> d.releaseVersion() == version && d.state().equals("up"));
  }

  private static Set<String> ids(String app) {
    return h.api.dynos(app).stream().map(DynoReport::containerId).collect(Collectors.toSet());
  }

  /**
   * Requests in a loop, each on a fresh connection to the next routable dyno; a refused connection
   * is retried.
   */
  private static final class Load implements AutoCloseable {
    final AtomicInteger ok = new AtomicInteger();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final Set<String> answers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    Load(String app) {
      thread =
          new Thread(
              () -> {
                int next = 0;
                while (running.get()) {
                  List<DynoReport> dynos = h.routable(app);
                  if (dynos.isEmpty()) {
                    failures.add("no routable dyno");
                    pause();
                    continue;
                  }
                  try {
                    answers.add(
                        HttpProbe.get(dynos.get(next++ % dynos.size()).address(), "/").trim());
                    ok.incrementAndGet();
                  } catch (HttpProbe.ConnectFailed e) {
                    // the router retries a refused connection on another dyno: so does this loop
                  } catch (IOException e) {
                    failures.add(e.toString());
                  }
                }
              },
              "load");
      thread.start();
    }

    private static void pause() {
      try {
        Thread.sleep(10); // a client's retry interval, not a wait for a condition
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join();
    }
  }
}
