package dev.hoist.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.build.compiler.CompilerSettings;
import dev.hoist.build.compiler.SlugCompiler;
import dev.hoist.build.testing.FakeApi;
import dev.hoist.build.testing.FakeBuilds;
import dev.hoist.build.testing.GatewayFixture;
import dev.hoist.build.testing.Processes;
import dev.hoist.internal.InternalApi;
import dev.hoist.internal.builds.BuilderApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both halves of the build service together, as the seed runs them: a real {@code git push} over
 * SSH into the gateway, a slug compiler with the repository's real buildpacks driver, and the fake
 * api between them relaying the queue and the output, as the api does.
 */
class PushToSlugIT {
  @TempDir static Path tmp;
  static GatewayFixture f;
  static SlugCompiler compiler;
  static Path key;
  static String account;

  @BeforeAll
  static void start() throws Exception {
    Path buildpacks = Path.of(System.getProperty("user.dir")).resolve("../buildpacks").normalize();
    Assumptions.assumeTrue(
        Files.isExecutable(buildpacks.resolve("bin/build")), "no ../buildpacks/bin/build");
    f = new GatewayFixture(tmp);
    f.api.builds.script = FakeBuilds.BY_A_COMPILER;
    compiler =
        SlugCompiler.start(
            new CompilerSettings(
                buildpacks,
                Files.createDirectories(tmp.resolve("work")),
                512L * 1024 * 1024,
                0,
                Duration.ofSeconds(1),
                0),
            new BuilderApi(new InternalApi(f.api.url(), FakeApi.TOKEN)));
    key = f.key("dev");
    account = f.api.account("dev", f.fingerprint(key), null);
  }

  @AfterAll
  static void stop() throws Exception {
    if (compiler != null) compiler.close();
    if (f != null) f.close();
  }

  @Test
  void aPushIsBuiltByTheCompilerAndItsOutputStreamsBackToThePusher() throws Exception {
    f.api.app("procfile-app", account);
    Path src =
        f.repo("procfile", Map.of("Procfile", "web: ./serve.sh\n", "serve.sh", "echo serving\n"));

    Processes.Result push = f.git(src, key, "push", f.sshUrl("procfile-app"), "HEAD:main");

    assertThat(push.exit()).as(push.output()).isZero();
    assertThat(push.lines())
        .containsSubsequence(
            "remote: Compressing source files... done.",
            "remote: -----> Building on the heroku-24-hoist stack",
            "remote: -----> Procfile app detected",
            "remote: -----> Launching...",
            "remote: -----> Released v1",
            "remote:        http://procfile-app.localhost:8080/ deployed to Hoist");
    assertThat(f.api.blobs.keySet()).anyMatch(k -> k.startsWith("slugs/"));
  }

  @Test
  void aPushTheBuildpacksCannotBuildIsRefusedWithTheirReason() throws Exception {
    f.api.app("nothing-app", account);
    Path src = f.repo("nothing", Map.of("notes.txt", "no Procfile, no package.json\n"));

    Processes.Result push = f.git(src, key, "push", f.sshUrl("nothing-app"), "HEAD:main");

    assertThat(push.exit()).isNotZero();
    assertThat(push.lines())
        .containsSubsequence(
            "remote:  !     Build failed: no buildpack detected for this app",
            "remote:  !     Push rejected to nothing-app: the build failed (see above).",
            " ! [remote rejected] HEAD -> main (build failed)");
  }
}
