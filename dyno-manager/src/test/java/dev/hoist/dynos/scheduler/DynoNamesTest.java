package dev.hoist.dynos.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynoNamesTest {
  private static DynoSpec spec(String dyno, long generation, boolean oneOff) {
    return new DynoSpec(
        "demo",
        dyno,
        DynoNames.type(dyno),
        7,
        "slug",
        null,
        generation,
        "cmd",
        "standard-1X",
        512,
        256,
        Map.of(),
        oneOff,
        false,
        false);
  }

  @Test
  void namesContainersByAppDynoReleaseAndRestartGeneration() {
    String spec = spec("web.1", 0, false).digest().substring(0, 6);
    assertThat(DynoNames.container("hoist", spec("web.1", 0, false)))
        .isEqualTo("demo.web.1.v7." + spec);
    assertThat(DynoNames.container("hoist", spec("web.1", 1763768160000L, false)))
        .isEqualTo("demo.web.1.v7.mi9i0u80." + spec);
    assertThat(DynoNames.container("hoist", spec("run.4711", 0, true))).isEqualTo("demo.run.4711");
  }

  @Test
  void prefixesNamesOutsideTheDefaultScope() {
    DynoSpec worker = spec("worker.2", 0, false);
    assertThat(DynoNames.container("it-1234", worker))
        .isEqualTo("it-1234.demo.worker.2.v7." + worker.digest().substring(0, 6));
  }

  @Test
  void digestsEverythingTheContainerIsMadeFromAndNothingElse() {
    DynoSpec base =
        new DynoSpec(
            "demo",
            "web.1",
            "web",
            7,
            "slug",
            null,
            0,
            "cmd",
            "standard-1X",
            512,
            256,
            Map.of("A", "1", "B", "2"),
            false,
            false,
            false);
    assertThat(base.digest())
        .matches("[0-9a-f]{16}")
        .isEqualTo(
            new DynoSpec(
                    "demo",
                    "web.1",
                    "web",
                    7,
                    "slug",
                    null,
                    0,
                    "cmd",
                    "standard-1X",
                    512,
                    256,
                    Map.of("B", "2", "A", "1"),
                    false,
                    false,
                    false)
                .digest())
        .as("the restart generation is in the name, not the digest")
        .isEqualTo(
            new DynoSpec(
                    "demo",
                    "web.1",
                    "web",
                    7,
                    "slug",
                    null,
                    99,
                    "cmd",
                    "standard-1X",
                    512,
                    256,
                    Map.of("A", "1", "B", "2"),
                    false,
                    false,
                    false)
                .digest());
    assertThat(
            List.of(
                new DynoSpec(
                    "demo",
                    "web.1",
                    "web",
                    7,
                    "slug",
                    null,
                    0,
                    "cmd",
                    "standard-1X",
                    512,
                    256,
                    Map.of("A", "1", "B", "3"),
                    false,
                    false,
                    false),
                new DynoSpec(
                    "demo",
                    "web.1",
                    "web",
                    7,
                    "slug",
                    null,
                    0,
                    "cmd",
                    "standard-1X",
                    512,
                    256,
                    Map.of("A", "1"),
                    false,
                    false,
                    false),
                new DynoSpec(
                    "demo",
                    "web.1",
                    "web",
                    7,
                    "other",
                    null,
                    0,
                    "cmd",
                    "standard-1X",
                    512,
                    256,
                    Map.of("A", "1", "B", "2"),
                    false,
                    false,
                    false),
                new DynoSpec(
                    "demo",
                    "web.1",
                    "web",
                    7,
                    "slug",
                    "hoist/stack-build:current",
                    0,
                    "cmd",
                    "standard-1X",
                    512,
                    256,
                    Map.of("A", "1", "B", "2"),
                    false,
                    false,
                    false),
                new DynoSpec(
                    "demo",
                    "web.1",
                    "web",
                    7,
                    "slug",
                    null,
                    0,
                    "cmd2",
                    "standard-1X",
                    512,
                    256,
                    Map.of("A", "1", "B", "2"),
                    false,
                    false,
                    false),
                new DynoSpec(
                    "demo",
                    "web.1",
                    "web",
                    7,
                    "slug",
                    null,
                    0,
                    "cmd",
                    "standard-2X",
                    1024,
                    512,
                    Map.of("A", "1", "B", "2"),
                    false,
                    false,
                    false)))
        .extracting(DynoSpec::digest)
        .doesNotContain(base.digest())
        .doesNotHaveDuplicates();
  }

  @Test
  void readsTheTypeOfADynoName() {
    assertThat(DynoNames.type("web.1")).isEqualTo("web");
    assertThat(DynoNames.type("urgent-worker.12")).isEqualTo("urgent-worker");
  }

  private static DynoSpec withPlatform(DynoSpec.Platform platform) {
    DynoSpec s = spec("web.1", 0, false);
    return new DynoSpec(
        s.app(),
        s.dyno(),
        s.type(),
        s.release(),
        s.slugId(),
        s.stack(),
        s.generation(),
        s.command(),
        s.size(),
        s.memoryMb(),
        s.pids(),
        s.env(),
        s.oneOff(),
        s.stdin(),
        s.tty(),
        platform);
  }

  @Test
  void digestsAPlatformDynosHostNetworkAndMountsButNotThePlatformFlagAlone() {
    String ordinary = spec("web.1", 0, false).digest();
    assertThat(withPlatform(DynoSpec.Platform.PLAIN).digest())
        .as("a platform app without options keeps the containers it had")
        .isEqualTo(ordinary);
    DynoSpec.Mount blobs = new DynoSpec.Mount("/var/lib/hoist/blobs", "/blobs", false);
    assertThat(
            List.of(
                withPlatform(new DynoSpec.Platform(true, false, List.of())).digest(),
                withPlatform(new DynoSpec.Platform(true, true, List.of())).digest(),
                withPlatform(new DynoSpec.Platform(false, false, List.of(blobs))).digest(),
                withPlatform(
                        new DynoSpec.Platform(
                            false,
                            false,
                            List.of(new DynoSpec.Mount("/var/lib/hoist/blobs", "/blobs", true))))
                    .digest()))
        .doesNotHaveDuplicates()
        .doesNotContain(ordinary);
  }
}
