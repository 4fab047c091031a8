package dev.hoist.build.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.build.testing.FakeApi;
import dev.hoist.build.testing.FakeBuilds.Result;
import dev.hoist.build.testing.GatewayFixture;
import dev.hoist.build.testing.Ports;
import dev.hoist.build.testing.Processes;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways on one data folder, as {@code hoist-gateway} runs during a deploy or at web=2: they
 * share the ports, the host key and each app's repository lock, and a stopped one lets its pushes
 * finish. GatewayDynoIT does the same across processes.
 */
class SharedGatewaysIT {
  private static final String KEY = "api-key-of-alice";

  @TempDir Path tmp;
  GatewayFixture f;
  Path alice;
  String aliceId;

  @BeforeEach
  void start() throws Exception {
    // Long enough that no drain here ends by its deadline on a slow machine.
    f = new GatewayFixture(tmp, Map.of("hoist.gateway.drain-timeout-seconds", "120"));
    alice = f.key("alice");
    aliceId = f.api.account("alice", f.fingerprint(alice), KEY);
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  @Test
  void aNewGatewayOnTheSamePortsShowsClientsTheSameHostKey() throws Exception {
    Path knownHosts = tmp.resolve("known_hosts");
    Processes.Result met =
        f.ssh(f.gateway.sshPort(), alice, GatewayFixture.trusting(knownHosts, false), null);
    assertThat(met.output()).contains("fatal: Hoist does not provide shell access");
    assertThat(knownHosts).isNotEmptyFile();

    Gateway next = f.another(f.samePorts());
    f.gateway.close();

    assertThat(next.sshPort()).isEqualTo(f.gateway.sshPort());
    assertThat(next.httpPort()).isEqualTo(f.gateway.httpPort());
    Processes.Result again =
        f.ssh(next.sshPort(), alice, GatewayFixture.trusting(knownHosts, true), null);
    assertThat(again.exit()).as(again.output()).isEqualTo(1);
    assertThat(again.output()).contains("fatal: Hoist does not provide shell access");
    f.api.app("after-deploy-app", aliceId);
    Processes.Result http =
        f.git(tmp, null, "ls-remote", f.httpUrl("alice", KEY, "after-deploy-app"));
    assertThat(http.exit()).as(http.output()).isZero();
  }

  @Test
  void aPushThroughTheOtherGatewayWaitsForThePushToTheSameAppThenFastForwards() throws Exception {
    Gateway other = f.another(Map.of());
    FakeApi.App app = f.api.app("shared-app", aliceId);
    Path src = f.repo("shared", Map.of("a", "1"));
    String first = head(src);
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
    CompletableFuture<Processes.Result> pushA =
        pushWhenBuilding(src, f.sshUrl("shared-app"), first + ":refs/heads/main");
    f.commit(src, Map.of("b", "2"), "second");
    String second = head(src);

    Processes.Result pushB =
        push(
            src,
            GatewayFixture.sshUrl(other.sshPort(), "shared-app"),
            "HEAD:main",
            line -> {
              if (line.contains("Waiting for another push to shared-app")) secondWaits.countDown();
            });

    Processes.Result a = pushA.get(90, TimeUnit.SECONDS);
    assertThat(a.exit()).as(a.output()).isZero();
    assertThat(pushB.exit()).as(pushB.output()).isZero();
    assertThat(pushB.output()).contains("Waiting for another push to shared-app to finish");
    assertThat(mostAtOnce).hasValue(1);
    assertThat(f.ref(app, "refs/heads/main")).isEqualTo(second);
    assertThat(
            f.api.builds.created.stream()
                .filter(b -> b.app.name().equals("shared-app"))
                .map(b -> b.request.sourceBlob().version()))
        .containsExactly(first, second);
  }

  @Test
  void aPushThroughTheOtherGatewayThatNoLongerFastForwardsIsRejectedAsGitWould() throws Exception {
    Gateway other = f.another(Map.of());
    FakeApi.App app = f.api.app("contended-app", aliceId);
    Path mine = f.repo("mine", Map.of("a", "mine"));
    Path theirs = f.repo("theirs", Map.of("a", "theirs"));
    CountDownLatch theirsWaits = new CountDownLatch(1);
    f.api.builds.script =
        out -> {
          out.line("-----> Building");
          return theirsWaits.await(60, TimeUnit.SECONDS) ? Result.succeeded(1) : Result.failed();
        };
    CompletableFuture<Processes.Result> pushMine =
        pushWhenBuilding(mine, f.sshUrl("contended-app"), "HEAD:main");

    Processes.Result pushTheirs =
        push(
            theirs,
            GatewayFixture.sshUrl(other.sshPort(), "contended-app"),
            "HEAD:main",
            line -> {
              if (line.contains("Waiting for another push")) theirsWaits.countDown();
            });

    assertThat(pushMine.get(90, TimeUnit.SECONDS).exit()).isZero();
    assertThat(pushTheirs.exit()).isNotZero();
    assertThat(pushTheirs.output())
        .containsPattern("! \\[rejected\\] +HEAD -> main \\((fetch first|non-fast-forward)\\)");
    assertThat(f.ref(app, "refs/heads/main")).isEqualTo(head(mine));
    assertThat(f.api.builds.created)
        .filteredOn(b -> b.app.name().equals("contended-app"))
        .hasSize(1);
  }

  @Test
  void pushesToDifferentAppsThroughTheTwoGatewaysDoNotWaitForEachOther() throws Exception {
    Gateway other = f.another(Map.of());
    f.api.app("slow-app", aliceId);
    f.api.app("quick-app", aliceId);
    CountDownLatch slowMayEnd = new CountDownLatch(1);
    f.api.builds.appScripts.put(
        "slow-app",
        out -> {
          out.line("-----> Building");
          return slowMayEnd.await(60, TimeUnit.SECONDS) ? Result.succeeded(1) : Result.failed();
        });
    try {
      CompletableFuture<Processes.Result> slow =
          pushWhenBuilding(f.repo("slow", Map.of("a", "1")), f.sshUrl("slow-app"), "HEAD:main");

      Processes.Result quick =
          push(
              f.repo("quick", Map.of("a", "1")),
              GatewayFixture.sshUrl(other.sshPort(), "quick-app"),
              "HEAD:main",
              line -> {});

      assertThat(quick.exit()).as(quick.output()).isZero();
      assertThat(slow).isNotDone();
    } finally {
      slowMayEnd.countDown();
    }
  }

  @Test
  void aStoppedGatewayClosesItsPortsAtOnceAndLetsThePushInFlightFinish() throws Exception {
    FakeApi.App app = f.api.app("drained-app", aliceId);
    Path src = f.repo("drained", Map.of("a", "1"));
    CountDownLatch buildMayEnd = new CountDownLatch(1);
    f.api.builds.script =
        out -> {
          out.line("-----> Building");
          return buildMayEnd.await(60, TimeUnit.SECONDS) ? Result.succeeded(3) : Result.failed();
        };
    CompletableFuture<Processes.Result> push =
        pushWhenBuilding(src, f.sshUrl("drained-app"), "HEAD:main");

    CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(this::drainFirst);
    Ports.awaitClosed(f.gateway.sshPort());
    Ports.awaitClosed(f.gateway.httpPort());
    assertThat(drained).isNotDone();
    buildMayEnd.countDown();

    Processes.Result pushed = push.get(90, TimeUnit.SECONDS);
    assertThat(pushed.exit()).as(pushed.output()).isZero();
    assertThat(pushed.output()).contains("-----> Released v3");
    assertThat(drained.get(90, TimeUnit.SECONDS)).isTrue();
    assertThat(f.ref(app, "refs/heads/main")).isEqualTo(head(src));
  }

  @Test
  void duringADeployPushesGoOnOverHttpWhileTheOldGatewayDrains() throws Exception {
    f.api.app("in-flight-app", aliceId);
    f.api.app("during-deploy-app", aliceId);
    CountDownLatch buildMayEnd = new CountDownLatch(1);
    f.api.builds.appScripts.put(
        "in-flight-app",
        out -> {
          out.line("-----> Building");
          return buildMayEnd.await(60, TimeUnit.SECONDS) ? Result.succeeded(1) : Result.failed();
        });
    CompletableFuture<Processes.Result> inFlight =
        pushWhenBuilding(
            f.repo("in-flight", Map.of("a", "1")),
            f.httpUrl("alice", KEY, "in-flight-app"),
            "HEAD:main");

    f.another(f.samePorts());
    CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(this::drainFirst);
    Processes.Result during =
        push(
            f.repo("during", Map.of("a", "1")),
            f.httpUrl("alice", KEY, "during-deploy-app"),
            "HEAD:main",
            line -> {});
    buildMayEnd.countDown();

    assertThat(during.exit()).as(during.output()).isZero();
    Processes.Result first = inFlight.get(90, TimeUnit.SECONDS);
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(first.output()).contains("deployed to Hoist");
    assertThat(drained.get(90, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aDrainGivesUpAtItsDeadlineAndSaysSo() throws Exception {
    Gateway impatient = f.another(Map.of("hoist.gateway.drain-timeout-seconds", "1"));
    f.api.app("stuck-app", aliceId);
    CountDownLatch buildMayEnd = new CountDownLatch(1);
    f.api.builds.script =
        out -> {
          out.line("-----> Building");
          return buildMayEnd.await(60, TimeUnit.SECONDS) ? Result.succeeded(1) : Result.failed();
        };
    try {
      CompletableFuture<Processes.Result> push =
          pushWhenBuilding(
              f.repo("stuck", Map.of("a", "1")),
              GatewayFixture.sshUrl(impatient.sshPort(), "stuck-app"),
              "HEAD:main");

      assertThat(impatient.drain()).isFalse();
      assertThat(push.get(90, TimeUnit.SECONDS).exit()).isNotZero();
    } finally {
      buildMayEnd.countDown();
    }
  }

  private boolean drainFirst() {
    try {
      return f.gateway.drain();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A push started in the background; returns once its build printed its first line. */
  private CompletableFuture<Processes.Result> pushWhenBuilding(Path src, String url, String refspec)
      throws InterruptedException {
    return f.pushSeen("-----> Building", src, url.startsWith("ssh:") ? alice : null, url, refspec);
  }

  private Processes.Result push(Path src, String url, String refspec, Consumer<String> onLine)
      throws Exception {
    return f.git(src, url.startsWith("ssh:") ? alice : null, onLine, "push", url, refspec);
  }

  private String head(Path src) throws Exception {
    return f.head(src);
  }
}
