package dev.hoist.build.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.build.testing.FakeBuilds.Result;
import dev.hoist.build.testing.GatewayFixture;
import dev.hoist.build.testing.Processes;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits under hoist.ssh.*, met by a real client. */
class GatewayLimitsIT {
  @TempDir Path tmp;

  @Test
  void refusesAPushLargerThanTheLimitAndBuildsNothing() throws Exception {
    try (GatewayFixture f = new GatewayFixture(tmp, Map.of("hoist.ssh.max-push-mb", "1"))) {
      Path key = f.key("dev");
      f.api.app("big-app", f.api.account("dev", f.fingerprint(key), null));
      Path src = f.repo("big", Map.of("README", "hi"));
      byte[] noise = new byte[3 * 1024 * 1024];
      new Random(7).nextBytes(noise); // incompressible: the pack stays over 1 MB
      Files.write(src.resolve("noise.bin"), noise);
      f.commit(src, Map.of(), "a big file");

      Processes.Result push = f.git(src, key, "push", f.sshUrl("big-app"), "HEAD:main");

      assertThat(push.exit()).isNotZero();
      assertThat(push.output()).containsIgnoringCase("exceeds");
      assertThat(f.api.builds.created).isEmpty();
    }
  }

  @Test
  void keepsAPushWhoseBuildIsSilentForLongerThanTheIdleTimeout() throws Exception {
    try (GatewayFixture f =
        new GatewayFixture(tmp, Map.of("hoist.ssh.idle-timeout-seconds", "2"))) {
      Path key = f.key("dev");
      f.api.app("quiet-app", f.api.account("dev", f.fingerprint(key), null));
      Path src = f.repo("quiet", Map.of("README", "hi"));
      f.api.builds.script =
          out -> {
            out.line("-----> Thinking quietly");
            Thread.sleep(5_000); // the build itself: silent for more than twice the idle timeout
            out.line("-----> Done thinking");
            return Result.succeeded(1);
          };

      Processes.Result push = f.git(src, key, "push", f.sshUrl("quiet-app"), "HEAD:main");

      assertThat(push.exit()).as(push.output()).isZero();
      assertThat(push.output()).contains("-----> Done thinking").contains("-----> Released v1");
    }
  }

  @Test
  void servesAnHttpConnectionBeyondTheLimitOnceAnotherCloses() throws Exception {
    try (GatewayFixture f = new GatewayFixture(tmp, Map.of("hoist.ssh.max-sessions", "1"))) {
      f.api.app("limited-app", f.api.account("dev", null, "api-key-of-dev"));
      Map<String, String> env = new HashMap<>(f.env(null));
      env.put("GIT_CURL_VERBOSE", "1");
      CountDownLatch connected = new CountDownLatch(1);
      CompletableFuture<Processes.Result> lsRemote;
      // The first connection holds the only place (it need not even send a request)...
      try (Socket first = new Socket("127.0.0.1", f.gateway.httpPort())) {
        lsRemote =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return Processes.run(
                        tmp,
                        env,
                        Duration.ofSeconds(90),
                        line -> {
                          if (line.contains("Connected to 127.0.0.1")) connected.countDown();
                        },
                        List.of(
                            "git", "ls-remote", f.httpUrl("dev", "api-key-of-dev", "limited-app")));
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        // ...while the next one is made, and waits.
        assertThat(connected.await(60, TimeUnit.SECONDS)).isTrue();
      }

      Processes.Result r = lsRemote.get(120, TimeUnit.SECONDS);
      assertThat(r.exit()).as(r.output()).isZero();
    }
  }

  @Test
  void disconnectsSessionsBeyondTheLimitWithAReason() throws Exception {
    try (GatewayFixture f = new GatewayFixture(tmp, Map.of("hoist.ssh.max-sessions", "1"));
        Socket first = new Socket("127.0.0.1", f.gateway.sshPort())) {
      // The first connection holds the only session (it need not even authenticate).
      first.getInputStream().read();
      Path key = f.key("dev");

      Processes.Result second = f.ssh(key, "git-upload-pack '/any-app.git'");

      assertThat(second.exit()).isNotZero();
      assertThat(second.output()).contains("too many connections");
    }
  }
}
