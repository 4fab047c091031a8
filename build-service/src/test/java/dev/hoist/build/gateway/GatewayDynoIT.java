package dev.hoist.build.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.build.testing.FakeApi;
import dev.hoist.build.testing.FakeBuilds.Result;
import dev.hoist.build.testing.GatewayFixture;
import dev.hoist.build.testing.Ports;
import dev.hoist.build.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway as a {@code hoist-gateway} dyno runs it: {@link GatewayMain} in a JVM of its own,
 * configured by its environment alone, stopped by SIGTERM, next to a second gateway (the fixture's,
 * in this JVM) on the same data folder, as during a deploy.
 */
class GatewayDynoIT {
  private static final String KEY = "api-key-of-alice";

  @TempDir Path tmp;
  GatewayFixture f;
  Path alice;
  String aliceId;
  int dynoSsh;
  int dynoHttp;
  Path log;
  Process dyno;

  @BeforeEach
  void start() throws Exception {
    f = new GatewayFixture(tmp, Map.of("hoist.gateway.drain-timeout-seconds", "120"));
    alice = f.key("alice");
    aliceId = f.api.account("alice", f.fingerprint(alice), KEY);
    dynoSsh = Ports.free();
    dynoHttp = Ports.free();
    log = tmp.resolve("dyno.log");
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", Files.createDirectories(tmp.resolve("dyno-home")).toString());
    env.put("HOIST_API_URL", f.api.url());
    env.put("HOIST_COMPONENT_TOKEN", FakeApi.TOKEN);
    env.put("HOIST_GATEWAY_HOME", f.home.toString());
    env.put("HOIST_SSH_PORT", Integer.toString(dynoSsh));
    env.put("HOIST_SSH_BIND_ADDRESS", "127.0.0.1");
    env.put("PORT", Integer.toString(dynoHttp));
    env.put("HOIST_GATEWAY_HTTP_BIND_ADDRESS", "127.0.0.1");
    env.put("HOIST_GATEWAY_APP_URL", "https://%s.apps.example.test/");
    env.put("HOIST_GATEWAY_DRAIN_TIMEOUT_SECONDS", "120");
    ProcessBuilder pb =
        new ProcessBuilder(Processes.java(GatewayMain.class))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    dyno = pb.start();
    Ports.awaitOpen(dynoSsh, dyno::isAlive);
    Ports.awaitOpen(dynoHttp, dyno::isAlive);
  }

  @AfterEach
  void stop() throws Exception {
    dyno.destroyForcibly();
    dyno.waitFor(30, TimeUnit.SECONDS);
    f.close();
  }

  @Test
  void takesItsPortsDataFolderAndAppUrlFromTheEnvironment() throws Exception {
    FakeApi.App app = f.api.app("dyno-app", aliceId);
    Path src = f.repo("dyno", Map.of("a", "1"));

    Processes.Result push =
        f.git(
            src,
            null,
            "push",
            GatewayFixture.httpUrl(dynoHttp, "alice", KEY, "dyno-app"),
            "HEAD:main");

    assertThat(push.exit()).as(push.output()).isZero();
    assertThat(push.output()).contains("https://dyno-app.apps.example.test/ deployed to Hoist");
    assertThat(f.ref(app, "refs/heads/main")).isEqualTo(f.head(src));
  }

  @Test
  void showsClientsTheHostKeyOfTheOtherGatewayOnItsFolder() throws Exception {
    Path knownHosts = tmp.resolve("known_hosts");
    Processes.Result met =
        f.ssh(f.gateway.sshPort(), alice, GatewayFixture.trusting(knownHosts, false), null);
    assertThat(met.output()).contains("fatal: Hoist does not provide shell access");

    Processes.Result dynoMet =
        f.ssh(dynoSsh, alice, GatewayFixture.trusting(knownHosts, true), null);

    assertThat(dynoMet.exit()).as(dynoMet.output()).isEqualTo(1);
    assertThat(dynoMet.output()).contains("fatal: Hoist does not provide shell access");
  }

  @Test
  void pushesToOneAppThroughTwoGatewayProcessesTakeTurns() throws Exception {
    FakeApi.App app = f.api.app("turns-app", aliceId);
    Path src = f.repo("turns", Map.of("a", "1"));
    String first = f.head(src);
    CountDownLatch secondWaits = new CountDownLatch(1);
    AtomicInteger building = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    f.api.builds.script =
        out -> {
          mostAtOnce.accumulateAndGet(building.incrementAndGet(), Math::max);
          try {
            out.line("-----> Building");
            return secondWaits.await(60, TimeUnit.SECONDS) ? Result.succeeded(1) : Result.failed();
          } finally {
            building.decrementAndGet();
          }
        };
    CompletableFuture<Processes.Result> inThisJvm =
        f.pushSeen(
            "-----> Building", src, alice, f.sshUrl("turns-app"), first + ":refs/heads/main");
    f.commit(src, Map.of("b", "2"), "second");

    Processes.Result throughTheDyno =
        f.git(
            src,
            alice,
            line -> {
              if (line.contains("Waiting for another push to turns-app")) secondWaits.countDown();
            },
            "push",
            GatewayFixture.sshUrl(dynoSsh, "turns-app"),
            "HEAD:main");

    Processes.Result firstPush = inThisJvm.get(90, TimeUnit.SECONDS);
    assertThat(firstPush.exit()).as(firstPush.output()).isZero();
    assertThat(throughTheDyno.exit()).as(throughTheDyno.output()).isZero();
    assertThat(throughTheDyno.output()).contains("Waiting for another push to turns-app to finish");
    assertThat(mostAtOnce).hasValue(1);
    assertThat(f.ref(app, "refs/heads/main")).isEqualTo(f.head(src));
  }

  @Test
  void sigtermClosesThePortsAtOnceAndLetsThePushInFlightFinish() throws Exception {
    FakeApi.App app = f.api.app("sigterm-app", aliceId);
    Path src = f.repo("sigterm", Map.of("a", "1"));
    CountDownLatch buildMayEnd = new CountDownLatch(1);
    f.api.builds.script =
        out -> {
          out.line("-----> Building");
          return buildMayEnd.await(60, TimeUnit.SECONDS) ? Result.succeeded(4) : Result.failed();
        };
    CompletableFuture<Processes.Result> push =
        f.pushSeen(
            "-----> Building",
            src,
            null,
            GatewayFixture.httpUrl(dynoHttp, "alice", KEY, "sigterm-app"),
            "HEAD:main");

    dyno.destroy(); // SIGTERM, as the dyno manager stops a dyno
    Ports.awaitClosed(dynoSsh);
    Ports.awaitClosed(dynoHttp);
    assertThat(dyno.isAlive()).isTrue();
    buildMayEnd.countDown();

    Processes.Result pushed = push.get(90, TimeUnit.SECONDS);
    assertThat(pushed.exit()).as(pushed.output()).isZero();
    assertThat(pushed.output()).contains("-----> Released v4");
    assertThat(dyno.waitFor(60, TimeUnit.SECONDS)).as("the dyno ended").isTrue();
    assertThat(f.ref(app, "refs/heads/main")).isEqualTo(f.head(src));
    assertThat(Files.readString(log))
        .contains("git gateway stopping")
        .contains("git gateway stopped");
  }
}
