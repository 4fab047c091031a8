package dev.hoist.build.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.build.testing.FakeBuilds;
import dev.hoist.build.testing.FakeBuilds.Created;
import dev.hoist.build.testing.FakeBuilds.Result;
import dev.hoist.build.testing.GatewayFixture;
import dev.hoist.build.testing.Processes;
import dev.hoist.build.testing.Tarballs;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code git push} over real SSH into the gateway, with the api faked: what the pusher sees,
 * and what the api is asked. Each test pushes to its own app.
 */
class GitPushOverSshIT {
  @TempDir static Path tmp;
  static GatewayFixture f;
  static Path alice;
  static String aliceId;
  static Path bob;

  @BeforeAll
  static void start() throws Exception {
    f = new GatewayFixture(tmp);
    alice = f.key("alice");
    bob = f.key("bob");
    aliceId = f.api.account("alice", f.fingerprint(alice), null);
    f.api.account("bob", f.fingerprint(bob), null);
  }

  @BeforeEach
  void defaultBuild() {
    f.api.builds.script = FakeBuilds.SUCCEEDS;
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @Test
  void streamsBuildOutputAsRemoteLinesWhileTheBuildRunsThenAcceptsThePush() throws Exception {
    f.api.app("streamed-app", aliceId);
    Path src =
        f.repo("streamed", Map.of("Procfile", "web: node server.js\n", "server.js", "// hi\n"));
    CountDownLatch seenFirstLine = new CountDownLatch(1);
    f.api.builds.script =
        out -> {
          out.line("-----> Building on the test stack");
          out.line("       step one");
          // The build goes on only once the pusher's terminal shows the line: streaming, not
          // buffering.
          boolean seen = seenFirstLine.await(30, TimeUnit.SECONDS);
          out.line(seen ? "       step two" : "       step one never reached the client");
          return seen ? Result.succeeded(7) : Result.failed();
        };

    Processes.Result push =
        f.git(
            src,
            alice,
            line -> {
              if (line.contains("remote:        step one")) seenFirstLine.countDown();
            },
            "push",
            f.sshUrl("streamed-app"),
            "HEAD:main");

    assertThat(push.exit()).as(push.output()).isZero();
    assertThat(push.lines())
        .containsSubsequence(
            "remote: Compressing source files... done.",
            "remote: -----> Building on the test stack",
            "remote:        step one",
            "remote:        step two",
            "remote: -----> Released v7",
            "remote:        http://streamed-app.localhost:8080/ deployed to Hoist");
    assertThat(push.output()).contains("* [new branch]      HEAD -> main");
  }

  @Test
  void createsTheBuildForThePusherFromASourceTarballOfTheCommit() throws Exception {
    f.api.app("sourced-app", aliceId);
    Path src = f.repo("sourced", Map.of("Procfile", "web: ./run\n", "lib/a.txt", "a\n"));
    String sha = f.git(src, null, "rev-parse", "HEAD").output().trim();

    Processes.Result push = f.git(src, alice, "push", f.sshUrl("sourced-app"), "HEAD:main");

    assertThat(push.exit()).as(push.output()).isZero();
    Created build =
        f.api.builds.created.stream()
            .filter(b -> b.app.name().equals("sourced-app"))
            .findFirst()
            .orElseThrow();
    assertThat(build.request.user().id()).isEqualTo(aliceId);
    assertThat(build.request.sourceBlob().version()).isEqualTo(sha);
    assertThat(build.request.sourceBlob().versionDescription()).isEqualTo("first");
    String sourceKey = build.request.sourceBlob().url().replaceAll("^.*/blobs/|\\?.*$", "");
    Map<String, Tarballs.Entry> tarball = Tarballs.read(f.api.blobs.get(sourceKey));
    assertThat(tarball.keySet()).containsExactlyInAnyOrder("Procfile", "lib/a.txt");
    assertThat(tarball.get("Procfile").text()).isEqualTo("web: ./run\n");
  }

  @Test
  void refusesAKeyNoAccountRegistered() throws Exception {
    f.api.app("keyed-app", aliceId);
    Path stranger = f.key("stranger");
    Path src = f.repo("keyed", Map.of("a", "1"));

    Processes.Result push = f.git(src, stranger, "push", f.sshUrl("keyed-app"), "HEAD:main");

    assertThat(push.exit()).isNotZero();
    assertThat(push.output()).contains("Permission denied (publickey)").contains("fatal:");
    assertThat(f.api.builds.created).noneMatch(b -> b.app.name().equals("keyed-app"));
  }

  @Test
  void refusesAnAppThatDoesNotExist() throws Exception {
    Path src = f.repo("nowhere", Map.of("a", "1"));

    Processes.Result push = f.git(src, alice, "push", f.sshUrl("no-such-app"), "HEAD:main");

    assertThat(push.exit()).isNotZero();
    assertThat(push.output())
        .contains("fatal: app 'no-such-app' does not exist or you do not have access");
  }

  @Test
  void refusesAnotherUsersAppWithTheSameAnswerAsAMissingOne() throws Exception {
    f.api.app("alices-app", aliceId);
    Path src = f.repo("intruder", Map.of("a", "1"));

    Processes.Result push = f.git(src, bob, "push", f.sshUrl("alices-app"), "HEAD:main");

    assertThat(push.exit()).isNotZero();
    assertThat(push.output())
        .contains("fatal: app 'alices-app' does not exist or you do not have access");
    assertThat(f.api.builds.created).noneMatch(b -> b.app.name().equals("alices-app"));
  }

  @Test
  void refusesAShellWithAFatalLineAndExitStatus1() throws Exception {
    Processes.Result shell = f.ssh(alice, null);

    assertThat(shell.exit()).isEqualTo(1);
    assertThat(shell.output()).contains("fatal: Hoist does not provide shell access");
  }

  @Test
  void refusesEveryOtherCommand() throws Exception {
    for (String command :
        new String[] {"ls /", "git-upload-archive '/x-app.git'", "git-receive-pack"}) {
      Processes.Result r = f.ssh(alice, command);

      assertThat(r.exit()).as(command).isEqualTo(1);
      assertThat(r.output())
          .as(command)
          .contains("fatal: Hoist only runs git-receive-pack and git-upload-pack");
    }
  }

  @Test
  void refusesRepositoryPathsThatAreNotAnAppName() throws Exception {
    for (String path :
        new String[] {
          "'/../../etc/passwd.git'", "'/Bad_Name.git'", "'/a/b.git'", "'/app'", "'/x.git'"
        }) {
      Processes.Result r = f.ssh(alice, "git-receive-pack " + path);

      assertThat(r.exit()).as(path).isEqualTo(1);
      assertThat(r.output()).as(path).contains("fatal: ").contains("is not a Hoist repository");
    }
  }

  @Test
  void acceptsTheScpStylePathGitSendsToo() throws Exception {
    f.api.app("scp-style-app", aliceId);
    Path src = f.repo("scp", Map.of("a", "1"));
    // git@host:APP.git has no port; the port goes into the ssh command, and git sends
    // 'scp-style-app.git'.
    Map<String, String> env = new java.util.HashMap<>(f.env(alice));
    env.put("GIT_SSH_COMMAND", env.get("GIT_SSH_COMMAND") + " -p " + f.gateway.sshPort());

    Processes.Result push =
        Processes.run(
            src,
            env,
            java.time.Duration.ofSeconds(60),
            line -> {},
            java.util.List.of("git", "push", "git@127.0.0.1:scp-style-app.git", "HEAD:main"));

    assertThat(push.exit()).as(push.output()).isZero();
    assertThat(push.output()).contains("deployed to Hoist");
  }

  @Test
  void refusesRefsOtherThanMainOrMasterWithAReasonAndBuildsNothing() throws Exception {
    f.api.app("branchy-app", aliceId);
    Path src = f.repo("branchy", Map.of("a", "1"));

    Processes.Result push =
        f.git(src, alice, "push", f.sshUrl("branchy-app"), "HEAD:refs/heads/feature");

    assertThat(push.exit()).isNotZero();
    assertThat(push.output())
        .contains("[remote rejected] HEAD -> feature (only main or master deploy");
    assertThat(f.api.builds.created).noneMatch(b -> b.app.name().equals("branchy-app"));
  }

  @Test
  void refusesTheRefWhenTheBuildFailsAfterShowingItsOutput() throws Exception {
    f.api.app("broken-app", aliceId);
    Path src = f.repo("broken", Map.of("package.json", "{ \"name\": \"broken\", "));
    f.api.builds.script =
        out -> {
          out.line("-----> Node.js app detected");
          out.line(" !     Build failed: package.json is not valid JSON");
          return Result.failed();
        };

    Processes.Result push = f.git(src, alice, "push", f.sshUrl("broken-app"), "HEAD:main");

    assertThat(push.exit()).isNotZero();
    assertThat(push.lines())
        .containsSubsequence(
            "remote: -----> Node.js app detected",
            "remote:  !     Build failed: package.json is not valid JSON",
            "remote:  !     Push rejected to broken-app: the build failed (see above).");
    assertThat(push.output()).contains("[remote rejected] HEAD -> main (build failed)");
    // The ref did not move: pushing the same commit again is a new push, not "Everything
    // up-to-date".
    f.api.builds.script = out -> Result.succeeded(1);
    Processes.Result again = f.git(src, alice, "push", f.sshUrl("broken-app"), "HEAD:main");
    assertThat(again.output())
        .doesNotContain("Everything up-to-date")
        .contains("-----> Released v1");
  }

  @Test
  void answersOurOwnErrorsWithAReferenceAndExitStatus128() throws Exception {
    f.api.failAccess = true;
    try {
      Processes.Result r = f.ssh(alice, "git-receive-pack '/any-app.git'");

      assertThat(r.exit()).isEqualTo(128);
      assertThat(r.output()).containsPattern("fatal: internal error \\(ref [0-9a-f]{6}\\)");
      assertThat(r.output()).doesNotContain("fire");
    } finally {
      f.api.failAccess = false;
    }
  }

  @Test
  void queuesASecondPushToTheSameAppUntilTheFirstIsDone() throws Exception {
    f.api.app("busy-app", aliceId);
    Path src = f.repo("busy", Map.of("a", "1"));
    CountDownLatch secondIsWaiting = new CountDownLatch(1);
    f.api.builds.script =
        out -> {
          out.line("-----> First build running");
          return secondIsWaiting.await(30, TimeUnit.SECONDS)
              ? Result.succeeded(1)
              : Result.failed();
        };
    CountDownLatch firstIsBuilding = new CountDownLatch(1);
    CompletableFuture<Processes.Result> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return f.git(
                    src,
                    alice,
                    line -> {
                      if (line.contains("First build running")) firstIsBuilding.countDown();
                    },
                    "push",
                    f.sshUrl("busy-app"),
                    "HEAD:main");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(firstIsBuilding.await(30, TimeUnit.SECONDS)).isTrue();

    Processes.Result second =
        f.git(
            src,
            alice,
            line -> {
              if (line.contains("Waiting for another push to busy-app to finish"))
                secondIsWaiting.countDown();
            },
            "push",
            f.sshUrl("busy-app"),
            "HEAD:refs/heads/other");

    assertThat(second.output()).contains("Waiting for another push to busy-app to finish");
    assertThat(first.get(60, TimeUnit.SECONDS).exit()).isZero();
  }

  @Test
  void clonesTheAppsRepositoryBack() throws Exception {
    f.api.app("cloned-app", aliceId);
    Path src = f.repo("cloned", Map.of("hello.txt", "hello\n"));
    assertThat(f.git(src, alice, "push", f.sshUrl("cloned-app"), "HEAD:main").exit()).isZero();

    Processes.Result clone = f.git(tmp, alice, "clone", f.sshUrl("cloned-app"), "cloned-copy");

    assertThat(clone.exit()).as(clone.output()).isZero();
    assertThat(tmp.resolve("cloned-copy/hello.txt")).hasContent("hello");
  }
}
