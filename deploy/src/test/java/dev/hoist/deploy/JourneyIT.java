package dev.hoist.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole platform, end to end: the seed starts in this JVM on ports of its own (so it never
 * meets a platform already running here), then the shared acceptance journey — the real {@code
 * hoist} CLI, a real {@code git push} over SSH, {@code curl} through the router, {@code docker
 * kill} of a dyno — runs against it. This is the executable definition of "it works"; it needs a
 * Docker engine and the stack images, which {@code ./hoistd test} makes sure of.
 */
class JourneyIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path JOURNEY = ROOT.resolve("../shared/acceptance/journey.sh").normalize();
  private static Platform platform;
  private static Path home;
  private static int sshPort;

  @BeforeAll
  static void startThePlatform() throws Exception {
    assumeTrue(
        Files.isExecutable(JOURNEY) || Files.exists(JOURNEY),
        "the shared acceptance journey is absent");
    assumeTrue(run("docker", "info").exitValue() == 0, "no Docker engine answers");
    home = Files.createTempDirectory("hoist-journey");
    int api = freePort();
    int attach = freePort();
    sshPort = freePort();
    Map<String, String> props =
        Map.of(
            "hoist.home", home.toString(),
            "hoist.root", ROOT.toString(),
            "hoist.api.port", Integer.toString(api),
            "hoist.api.attach-url", "tcp://127.0.0.1:" + attach,
            "hoist.router.port", Integer.toString(freePort()),
            "hoist.ssh.port", Integer.toString(sshPort),
            "hoist.gateway.http-port", Integer.toString(freePort()),
            "hoist.dynos.attach-port", Integer.toString(attach),
            "hoist.dynos.scope", "hoist-journey-it");
    props.forEach(System::setProperty);
    platform = Platform.start(PlatformSettings.fromEnvironment());
  }

  @AfterAll
  static void stopThePlatform() {
    if (platform != null) platform.close();
    // the dynos belong to this test alone (their own scope): remove them with it
    run(
        "bash",
        "-c",
        "ids=$(docker ps -aq --filter label=hoist.scope=hoist-journey-it); "
            + "[ -z \"$ids\" ] || docker rm -f $ids >/dev/null");
  }

  @Test
  void theAcceptanceJourneyPassesWhole() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("bash", JOURNEY.toString())
            .directory(ROOT.toFile())
            .redirectErrorStream(true);
    pb.environment()
        .put("HOIST_HOME", home.toString()); // the CLI's credentials, as the seed wrote them
    pb.environment().put("HOIST_ROUTER_URL", "http://127.0.0.1:" + platform.routerPort());
    pb.environment().put("HOIST_SSH_PORT", Integer.toString(sshPort));
    pb.environment().remove("HOIST_API_URL");
    pb.environment().remove("HOIST_API_KEY");
    Process journey = pb.start();
    String output = new String(journey.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    journey.waitFor(20, TimeUnit.MINUTES);
    System.out.println(output); // the ok/FAIL lines and figures, in the test report

    assertThat(output).containsPattern("journey: \\d+ passed, 0 failed");
    assertThat(journey.exitValue()).isZero();
  }

  /**
   * Stage 1: the seed made hoist-builder, packed its first slug by hand, and builds run in its
   * dynos.
   */
  @Test
  void theSeedRunsTheSlugCompilerAsThePlatformAppHoistBuilder() throws Exception {
    java.util.regex.Pattern up = java.util.regex.Pattern.compile("\"state\"\\s*:\\s*\"up\"");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    String ps = cli("ps", "-a", "hoist-builder", "--json");
    while (!up.matcher(ps).find() && System.nanoTime() < deadline) {
      Thread.sleep(500); // polling a condition with a deadline, not waiting a fixed time
      ps = cli("ps", "-a", "hoist-builder", "--json");
    }
    assertThat(ps).containsPattern("\"name\"\\s*:\\s*\"worker\\.1\"").containsPattern(up);
    assertThat(cli("releases", "-a", "hoist-builder")).contains("Seed: first slug, packed by hand");
    assertThat(cli("config:get", "HOIST_BUILDPACKS_DIR", "-a", "hoist-builder").trim())
        .isEqualTo("/app/buildpacks");
  }

  private static String cli(String... args) throws Exception {
    java.util.List<String> command =
        new java.util.ArrayList<>(java.util.List.of(ROOT.resolve("hoist").toString()));
    command.addAll(java.util.List.of(args));
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

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Process run(String... command) {
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
