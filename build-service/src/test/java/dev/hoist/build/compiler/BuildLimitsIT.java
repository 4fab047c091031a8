package dev.hoist.build.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.internal.builds.BuildRecords.Finish;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a build may not do, with stand-in drivers (small bash scripts) that misbehave on purpose:
 * run too long, fill the disk, fail, or look around for what they should not see.
 */
class BuildLimitsIT {
  @TempDir Path tmp;

  @Test
  void failsABuildThatRunsPastItsTimeLimitAndKillsEveryProcessItStarted() throws Exception {
    Path pidFile = tmp.resolve("child.pid");
    Path driver =
        CompilerFixture.standIn(
            tmp,
            """
        echo "-----> Compiling forever"
        sleep 300 &
        echo $! > %s
        wait
        """
                .formatted(pidFile));
    try (CompilerFixture f = new CompilerFixture(tmp, driver, 512)) {
      String id = f.enqueue(Map.of("a", "1"), Map.of(), 2);

      Finish finish = f.awaitFinish(id);

      assertThat(finish.status()).isEqualTo("failed");
      assertThat(finish.message()).isEqualTo("Build timed out after 2 seconds");
      assertThat(f.output(id))
          .containsSubsequence(
              "-----> Compiling forever", "-----> Build timed out after 2 seconds");
      assertThat(last(f.output(id))).isEqualTo("-----> Build timed out after 2 seconds");
      long child = Long.parseLong(Files.readString(pidFile).trim());
      assertThat(eventuallyGone(child, Duration.ofSeconds(10)))
          .as("the background sleep was killed")
          .isTrue();
      SlugCompilerIT.assertNothingLeftIn(f.work);
    }
  }

  @Test
  void failsABuildThatFillsMoreDiskThanAllowed() throws Exception {
    Path driver =
        CompilerFixture.standIn(
            tmp,
            """
        echo "-----> Writing a lot"
        head -c 20971520 /dev/zero > "$TMPDIR/big"
        sleep 60
        """);
    try (CompilerFixture f = new CompilerFixture(tmp, driver, 5)) {
      String id = f.enqueue(Map.of("a", "1"), Map.of(), 120);

      Finish finish = f.awaitFinish(id);

      assertThat(finish.message())
          .isEqualTo("the build used more than 5 MB of disk (hoist.build.max-disk-mb)");
      assertThat(last(f.output(id)))
          .isEqualTo(
              " !     Build failed: the build used more than 5 MB of disk (hoist.build.max-disk-mb)");
      SlugCompilerIT.assertNothingLeftIn(f.work);
    }
  }

  @Test
  void putsTheBuildUnderTheMemoryLimitWhenOneIsSet() throws Exception {
    Path driver =
        CompilerFixture.standIn(
            tmp,
            """
        echo "address space: $(ulimit -v)"
        """);
    try (CompilerFixture f = new CompilerFixture(tmp, driver, 512, 64, 0)) {
      String id = f.enqueue(Map.of("a", "1"), Map.of(), 120);

      f.awaitFinish(id);

      assertThat(f.output(id)).contains("address space: 65536");
    }
  }

  @Test
  void takesTheDriversOwnReasonWhenItFails() throws Exception {
    Path driver =
        CompilerFixture.standIn(
            tmp,
            """
        echo "-----> Building on the test stack"
        echo " !     Build failed: no buildpack detected for this app" >&2
        exit 1
        """);
    try (CompilerFixture f = new CompilerFixture(tmp, driver, 512)) {
      String id = f.enqueue(Map.of("a", "1"), Map.of(), 120);

      Finish finish = f.awaitFinish(id);

      assertThat(finish.message()).isEqualTo("no buildpack detected for this app");
      assertThat(f.output(id))
          .containsExactly(
              "-----> Building on the test stack",
              " !     Build failed: no buildpack detected for this app");
    }
  }

  @Test
  void givesTheDriverConfigOnlyInEnvDirAndAPrivateScratchFolder() throws Exception {
    Path driver =
        CompilerFixture.standIn(
            tmp,
            """
        echo "env: $(env | cut -d= -f1 | sort | tr '\\n' ' ')"
        echo "greeting: $(cat "$3/GREETING")"
        echo "scratch mode: $(stat -c %a "$(dirname "$1")")"
        echo "source: $(ls "$1" | tr '\\n' ' ')"
        """);
    try (CompilerFixture f = new CompilerFixture(tmp, driver, 512)) {
      String id =
          f.enqueue(
              Map.of("Procfile", "web: x", "lib/a.rb", "1"),
              Map.of("GREETING", "hello\nworld", "bad key", "dropped"),
              120);

      f.awaitFinish(id);

      List<String> out = f.output(id);
      assertThat(System.getenv("HOIST_COMPONENT_TOKEN"))
          .as("set by the failsafe configuration")
          .isNotBlank();
      String env = out.stream().filter(l -> l.startsWith("env: ")).findFirst().orElseThrow();
      assertThat(env.substring(5).trim().split(" "))
          .doesNotContain("GREETING", "HOIST_COMPONENT_TOKEN", "HOIST_API_URL")
          .contains(
              "PATH", "HOME", "TMPDIR", "STACK", "SOURCE_VERSION", "SLUG_OUT", "PROCESS_TYPES_OUT");
      assertThat(out).containsSubsequence("greeting: hello", "world");
      assertThat(out).contains("scratch mode: 700", "source: Procfile lib ");
      // The stand-in made no slug: that is a failed build, said as the last line.
      assertThat(last(out)).isEqualTo(" !     Build failed: the build made no slug");
    }
  }

  /** A compiler running as root (as in a builder dyno) hands the build to a uid of its own. */
  @Test
  void runsTheBuildUnderItsOwnUidSoItCannotReadTheCompilersEnvironment() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        BuildUser.choose(BuildUser.DEFAULT_UID).separate(), "the tests do not run as root");
    // The build's uid must be able to pass through the test's folder to its scratch folder and
    // driver.
    java.nio.file.Files.setPosixFilePermissions(
        tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    Path driver =
        CompilerFixture.standIn(
            tmp,
            """
        echo "uid: $(id -u)"
        if cat "/proc/$PPID/environ" >/dev/null 2>&1; then echo "compiler environ: readable"; \
          else echo "compiler environ: denied"; fi
        """);
    try (CompilerFixture f = new CompilerFixture(tmp, driver, 512, 0, BuildUser.DEFAULT_UID)) {
      String id = f.enqueue(Map.of("Procfile", "web: x"), Map.of(), 120);

      f.awaitFinish(id);

      List<String> out = f.output(id);
      assertThat(out).contains("uid: " + BuildUser.DEFAULT_UID, "compiler environ: denied");
    }
  }

  private static String last(List<String> lines) {
    return lines.get(lines.size() - 1);
  }

  private static boolean eventuallyGone(long pid, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> p = ProcessHandle.of(pid);
      if (p.isEmpty() || !p.get().isAlive()) return true;
      Thread.sleep(50);
    }
    return false;
  }
}
