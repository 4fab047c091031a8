package dev.hoist.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What both journey tests share: the shared acceptance journey run against a platform, the real
 * {@code hoist} CLI, free ports, and the removal of a test's own dynos.
 */
final class Journey {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path SCRIPT = ROOT.resolve("../shared/acceptance/journey.sh").normalize();

  private Journey() {}

  static boolean present() {
    return Files.exists(SCRIPT);
  }

  static boolean dockerAnswers() {
    return run("docker", "info").exitValue() == 0;
  }

  /** Runs the journey; its whole output (the ok/FAIL lines and figures). */
  static Result run(Path home, int routerPort, int sshPort) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("bash", SCRIPT.toString())
            .directory(ROOT.toFile())
            .redirectErrorStream(true);
    pb.environment()
        .put("HOIST_HOME", home.toString()); // the CLI's credentials, as the seed wrote them
    pb.environment().put("HOIST_ROUTER_URL", "http://127.0.0.1:" + routerPort);
    pb.environment().put("HOIST_SSH_PORT", Integer.toString(sshPort));
    pb.environment().remove("HOIST_API_URL");
    pb.environment().remove("HOIST_API_KEY");
    Process journey = pb.start();
    String output = new String(journey.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    journey.waitFor(20, TimeUnit.MINUTES);
    System.out.println(output); // in the test report
    return new Result(output, journey.exitValue());
  }

  record Result(String output, int exitValue) {}

  /** {@code hoist ARGS...} as the admin of the platform whose data is in {@code home}. */
  static String cli(Path home, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("hoist").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("HOIST_HOME", home.toString());
    pb.environment().remove("HOIST_API_URL");
    pb.environment().remove("HOIST_API_KEY");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("hoist %s: %s", String.join(" ", args), out).isZero();
    return out;
  }

  /** Asks {@code hoist ARGS...} until its output passes, or the deadline; the last output. */
  static String cliUntil(Path home, int seconds, Predicate<String> passes, String... args)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String out = cli(home, args);
    while (!passes.test(out) && System.nanoTime() < deadline) {
      Thread.sleep(500); // polling a condition with a deadline, not waiting a fixed time
      out = cli(home, args);
    }
    return out;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Removes every container of a test's own dyno scope, platform apps' too. */
  static void removeDynos(String scope) {
    run(
        "bash",
        "-c",
        "ids=$(docker ps -aq --filter label=hoist.scope="
            + scope
            + "); [ -z \"$ids\" ] || docker rm -f $ids >/dev/null");
  }

  static Process run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor(60, TimeUnit.SECONDS);
      return p;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
