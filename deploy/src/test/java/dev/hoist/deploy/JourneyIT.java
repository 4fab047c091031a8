package dev.hoist.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole platform in its all-in-one mode, end to end: every part starts in this JVM on ports of
 * its own (so it never meets a platform already running here), then the shared acceptance journey —
 * the real {@code hoist} CLI, a real {@code git push} over SSH, {@code curl} through the router,
 * {@code docker kill} of a dyno — runs against it. It needs a Docker engine and the stack images,
 * which {@code ./hoistd test} makes sure of. {@link SelfHostedJourneyIT} runs the same journey
 * against the self-hosted platform.
 */
class JourneyIT {
  private static final String SCOPE = "hoist-journey-it";
  private static Platform platform;
  private static Path home;
  private static int sshPort;

  @BeforeAll
  static void startThePlatform() throws Exception {
    assumeTrue(Journey.present(), "the shared acceptance journey is absent");
    assumeTrue(Journey.dockerAnswers(), "no Docker engine answers");
    home = Files.createTempDirectory("hoist-journey");
    int api = Journey.freePort();
    int attach = Journey.freePort();
    sshPort = Journey.freePort();
    Map<String, String> props =
        Map.of(
            "hoist.home", home.toString(),
            "hoist.root", Journey.ROOT.toString(),
            "hoist.api.port", Integer.toString(api),
            "hoist.api.attach-url", "tcp://127.0.0.1:" + attach,
            "hoist.router.port", Integer.toString(Journey.freePort()),
            "hoist.ssh.port", Integer.toString(sshPort),
            "hoist.gateway.http-port", Integer.toString(Journey.freePort()),
            "hoist.dynos.attach-port", Integer.toString(attach),
            "hoist.dynos.scope", SCOPE);
    props.forEach(System::setProperty);
    platform = Platform.start(PlatformSettings.fromEnvironment());
  }

  @AfterAll
  static void stopThePlatform() {
    if (platform != null) platform.close();
    Journey.removeDynos(SCOPE); // the dynos belong to this test alone (their own scope)
  }

  @Test
  void theAcceptanceJourneyPassesWhole() throws Exception {
    Journey.Result journey = Journey.run(home, platform.routerPort(), sshPort);
    assertThat(journey.output()).containsPattern("journey: \\d+ passed, 0 failed");
    assertThat(journey.exitValue()).isZero();
  }

  /**
   * Stage 1: the seed made hoist-builder, packed its first slug by hand, and builds run in its
   * dynos.
   */
  @Test
  void theSeedRunsTheSlugCompilerAsThePlatformAppHoistBuilder() throws Exception {
    Pattern up = Pattern.compile("\"state\"\\s*:\\s*\"up\"");
    String ps =
        Journey.cliUntil(
            home, 90, out -> up.matcher(out).find(), "ps", "-a", "hoist-builder", "--json");
    assertThat(ps).containsPattern("\"name\"\\s*:\\s*\"worker\\.1\"").containsPattern(up);
    assertThat(Journey.cli(home, "releases", "-a", "hoist-builder"))
        .contains("Seed: first slug, packed by hand");
    assertThat(
            Journey.cli(home, "config:get", "HOIST_BUILDPACKS_DIR", "-a", "hoist-builder").trim())
        .isEqualTo("/app/buildpacks");
  }
}
