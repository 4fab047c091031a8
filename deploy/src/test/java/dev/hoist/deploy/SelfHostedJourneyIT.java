package dev.hoist.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The self-hosted platform, end to end: the seed (PostgreSQL, the dyno manager, the api's stable
 * address) starts in this JVM on ports of its own, creates hoist-builder, hoist-gateway,
 * hoist-router and hoist-api from hand-packed slugs, and hands the stable address to the api's
 * dynos; then the shared acceptance journey runs against the parts as apps.
 */
class SelfHostedJourneyIT {
  private static final String SCOPE = "hoist-selfhosted-it";
  private static Seed seed;
  private static Path home;
  private static int routerPort;
  private static int sshPort;

  @BeforeAll
  static void startTheSeed() throws Exception {
    assumeTrue(Journey.present(), "the shared acceptance journey is absent");
    assumeTrue(Journey.dockerAnswers(), "no Docker engine answers");
    home = Files.createTempDirectory("hoist-selfhosted");
    int attach = Journey.freePort();
    routerPort = Journey.freePort();
    sshPort = Journey.freePort();
    Map<String, String> props =
        Map.ofEntries(
            Map.entry("hoist.home", home.toString()),
            Map.entry("hoist.root", Journey.ROOT.toString()),
            Map.entry("hoist.mode", "self-hosted"),
            Map.entry("hoist.api.port", Integer.toString(Journey.freePort())),
            Map.entry("hoist.database.port", Integer.toString(Journey.freePort())),
            Map.entry("hoist.api.attach-url", "tcp://127.0.0.1:" + attach),
            Map.entry("hoist.router.port", Integer.toString(routerPort)),
            Map.entry("hoist.ssh.port", Integer.toString(sshPort)),
            Map.entry("hoist.gateway.http-port", Integer.toString(Journey.freePort())),
            Map.entry("hoist.dynos.attach-port", Integer.toString(attach)),
            Map.entry("hoist.dynos.scope", SCOPE));
    props.forEach(System::setProperty);
    // An all-in-one platform started earlier in this JVM (JourneyIT) left its api's public URL in
    // the system properties; the seed must make its own from its own port.
    System.clearProperty("hoist.api.public-url");
    seed = Seed.start(PlatformSettings.fromEnvironment());
  }

  @AfterAll
  static void stopTheSeed() {
    if (seed != null) seed.close();
    Journey.removeDynos(SCOPE); // the platform apps' dynos too: this platform ends with the test
  }

  @Test
  void theFourPartsAreAppsAndHealthy() throws Exception {
    assertThat(Journey.cli(home, "apps"))
        .contains("hoist-api", "hoist-router", "hoist-gateway", "hoist-builder");
    String platform =
        Journey.cliUntil(home, 300, out -> out.contains("4 of 4 parts healthy"), "platform");
    assertThat(platform).contains("4 of 4 parts healthy");
    assertThat(Journey.cli(home, "ps", "-a", "hoist-api", "--json"))
        .containsPattern("\"name\"\\s*:\\s*\"web\\.2\"");
  }

  @Test
  void theAcceptanceJourneyPassesWhole() throws Exception {
    Journey.cliUntil(home, 300, out -> out.contains("4 of 4 parts healthy"), "platform");
    Journey.Result journey = Journey.run(home, routerPort, sshPort);
    assertThat(journey.output()).containsPattern("journey: \\d+ passed, 0 failed");
    assertThat(journey.exitValue()).isZero();
  }
}
