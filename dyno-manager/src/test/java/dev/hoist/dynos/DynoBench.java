package dev.hoist.dynos;

import dev.hoist.internal.dynos.DynoReport;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.Slug;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The dyno manager's figures on this machine (bench/dynos.sh runs it): (a) decision to first HTTP
 * 200 for a web dyno whose image is prepared, (b) scale 1 to 10 against ten parallel {@code docker
 * run}s of the same image, (c) {@code docker kill} of a web dyno to its first HTTP 200 again. Not a
 * test: nothing is asserted.
 */
public final class DynoBench {
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final int ROUNDS = 5;

  public static void main(String[] args) throws Exception {
    try (Harness h = new Harness(Map.of("boot-poll", "10ms"))) {
      Slug slug = h.slug(TestSlugs.web(), Map.of("web", "node web.js"));
      h.api.put(app("warm", slug, 1)); // prepares the image and warms the JVM's paths
      Harness.await(LIMIT, "warm-up", () -> h.routable("warm").size() == 1);
      h.api.put(app("warm", slug, 0));

      List<Long> boot = new ArrayList<>();
      for (int i = 0; i < ROUNDS; i++) boot.add(bootOnce(h, slug, "boot" + i));
      print("(a) boot: decision -> first HTTP 200", boot);

      List<Long> scale = new ArrayList<>();
      List<Long> floor = new ArrayList<>();
      String image =
          h.client()
              .listImagesCmd()
              .withLabelFilter(Map.of("hoist.scope", h.scope, "hoist.slug", slug.id()))
              .exec()
              .get(0)
              .getId();
      for (int i = 0; i < 3; i++) {
        scale.add(scaleOnce(h, slug, "scale" + i));
        floor.add(dockerRunFloor(image, h.scope));
      }
      print("(b) scale 1->10: decision -> 10 answering HTTP", scale);
      print("(b) floor: 10 parallel `docker run -d` -> 10 answering HTTP", floor);
      System.out.printf("(b) ratio of medians: %.2f%n", (double) median(scale) / median(floor));

      List<Long> crash = new ArrayList<>();
      for (int i = 0; i < ROUNDS; i++) crash.add(crashOnce(h, slug, "crash" + i));
      print("(c) crash: docker kill -> first HTTP 200 again", crash);
    }
  }

  private static AppState app(String name, Slug slug, int web) {
    return Harness.app(
        name, 1, slug, Map.of(), List.of(Harness.process("web", web, "node web.js", 256)));
  }

  private static long bootOnce(Harness h, Slug slug, String name) {
    long t0 = System.nanoTime();
    h.api.put(app(name, slug, 1));
    firstOk(h, name, null);
    return ms(t0);
  }

  private static long scaleOnce(Harness h, Slug slug, String name) {
    h.api.put(app(name, slug, 1));
    Harness.await(LIMIT, "one up", () -> h.routable(name).size() == 1);
    long t0 = System.nanoTime();
    h.api.put(app(name, slug, 10));
    Harness.await(
        LIMIT,
        "ten answering",
        () ->
            h.routable(name).size() == 10
                && h.routable(name).stream().allMatch(d -> answers(d.address())));
    long took = ms(t0);
    h.api.put(app(name, slug, 0));
    Harness.await(LIMIT, "scaled to zero", () -> h.containers(name).isEmpty());
    return took;
  }

  private static long crashOnce(Harness h, Slug slug, String name) {
    h.api.put(app(name, slug, 1));
    DynoReport before =
        Harness.await(LIMIT, "up", () -> h.routable(name).stream().findFirst().orElse(null));
    long t0 = System.nanoTime();
    h.client().killContainerCmd(before.containerId()).exec();
    firstOk(h, name, before.containerId());
    long took = ms(t0);
    h.api.put(app(name, slug, 0));
    return took;
  }

  /** Polls the reported address of a new dyno (not {@code oldId}) until it answers 200. */
  private static void firstOk(Harness h, String app, String oldId) {
    Harness.await(
        LIMIT,
        "first 200",
        () ->
            h.api.dynos(app).stream()
                .filter(d -> d.address() != null && !d.containerId().equals(oldId))
                .anyMatch(d -> answers(d.address())));
  }

  private static boolean answers(String address) {
    try {
      HttpProbe.get(address, "/");
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Ten parallel {@code docker run -d} of the slug image, each until its port answers HTTP. */
  private static long dockerRunFloor(String image, String scope) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(10);
    long t0 = System.nanoTime();
    List<Future<String>> runs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Callable<String> run =
          () -> {
            String id =
                exec(
                        "docker",
                        "run",
                        "-d",
                        "--init",
                        "--label",
                        "hoist.scope=" + scope,
                        "-e",
                        "PORT=5000",
                        "--memory",
                        "256m",
                        image,
                        "bash",
                        "-c",
                        "node web.js")
                    .trim();
            String ip =
                exec("docker", "inspect", "-f", "{{.NetworkSettings.IPAddress}}", id).trim();
            while (!connects(ip))
              Thread.sleep(10); // the same readiness check as the dyno manager's
            Harness.await(LIMIT, "200", () -> answers(ip + ":5000"));
            return id;
          };
      runs.add(pool.submit(run));
    }
    List<String> ids = new ArrayList<>();
    for (Future<String> f : runs) ids.add(f.get());
    long took = ms(t0);
    pool.shutdown();
    List<String> rm = new ArrayList<>(List.of("docker", "rm", "-f"));
    rm.addAll(ids);
    exec(rm.toArray(String[]::new));
    return took;
  }

  private static boolean connects(String ip) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(ip, 5000), 250);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String exec(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) throw new IOException(String.join(" ", command) + ": " + out);
    return out;
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  private static void print(String what, List<Long> ms) {
    List<Long> s = new ArrayList<>(ms);
    Collections.sort(s);
    System.out.printf(
        "%s: median %d ms, min %d, max %d (n=%d: %s)%n",
        what, median(ms), s.get(0), s.get(s.size() - 1), ms.size(), ms);
  }
}
