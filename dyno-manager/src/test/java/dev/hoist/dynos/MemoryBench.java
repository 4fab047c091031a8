package dev.hoist.dynos;

import dev.hoist.dynos.docker.DockerConnection;
import dev.hoist.dynos.docker.DockerScheduler;
import dev.hoist.dynos.memory.MemoryWatch;
import dev.hoist.internal.state.DesiredState.Slug;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How long one R14 sampling pass takes over ten running web dynos on this machine: the listing and
 * ten parallel one-shot stats calls, until the last answer. Run it as bench/dynos.sh runs
 * DynoBench, with {@code dev.hoist.dynos.MemoryBench} as the class. Not a test: nothing is
 * asserted.
 */
public final class MemoryBench {
  private static final int DYNOS = 10;
  private static final int PASSES = 20;

  public static void main(String[] args) throws Exception {
    // the manager's own watch stays out of the way; the passes below are the bench's
    try (Harness h = new Harness(Map.of("memory-interval", "1h"))) {
      Slug slug = h.slug(TestSlugs.web(), Map.of("web", "node web.js"));
      h.api.put(
          Harness.app(
              "sampled",
              1,
              slug,
              Map.of(),
              List.of(Harness.process("web", DYNOS, "node web.js", 256))));
      Harness.await(
          Duration.ofSeconds(60), "ten dynos up", () -> h.routable("sampled").size() == DYNOS);
      ExecutorService pool = Executors.newCachedThreadPool();
      try (DockerScheduler docker =
              new DockerScheduler(
                  DockerConnection.open(),
                  h.scope,
                  "bridge",
                  "hoist/stack-run:current",
                  10 << 20,
                  pool);
          MemoryWatch watch =
              new MemoryWatch(docker, (app, dyno, line) -> {}, pool, Duration.ofSeconds(20))) {
        watch.pass(); // opens the connections and warms the JVM's paths
        print("one pass over ten dynos, back to back", passes(watch, 0));
        // as the manager runs them, apart: a pass then lands anywhere in the engine's one-second
        // reading cycle
        print("one pass over ten dynos, 1.7 s apart", passes(watch, 1700));
        long start = System.nanoTime();
        for (var c : docker.list()) docker.memory(c.id());
        System.out.printf(
            "the same ten samples one after another: %d ms%n",
            (System.nanoTime() - start) / 1_000_000);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static List<Long> passes(MemoryWatch watch, long apartMs) throws InterruptedException {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < PASSES; i++) {
      MemoryWatch.Pass p = watch.pass();
      if (p.sampled() != DYNOS)
        throw new IllegalStateException("sampled " + p.sampled() + " of " + DYNOS);
      millis.add(p.millis());
      Thread.sleep(apartMs);
    }
    return millis;
  }

  private static void print(String what, List<Long> millis) {
    Collections.sort(millis);
    System.out.printf(
        "%s (n=%d): median %d ms, min %d ms, max %d ms%n",
        what,
        millis.size(),
        millis.get(millis.size() / 2),
        millis.get(0),
        millis.get(millis.size() - 1));
  }
}
