package dev.hoist.dynos.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DynoNamesTest {
  private static DynoSpec spec(String dyno, long generation, boolean oneOff) {
    return new DynoSpec("demo", dyno, DynoNames.type(dyno), 7, "slug", null, generation, "cmd", "standard-1X", 512, 256,
        Map.of(), oneOff, false, false);
  }

  @Test
  void namesContainersByAppDynoReleaseAndRestartGeneration() {
    assertThat(DynoNames.container("hoist", spec("web.1", 0, false))).isEqualTo("demo.web.1.v7");
    assertThat(DynoNames.container("hoist", spec("web.1", 1763768160000L, false))).isEqualTo("demo.web.1.v7.mi9i0u80");
    assertThat(DynoNames.container("hoist", spec("run.4711", 0, true))).isEqualTo("demo.run.4711");
  }

  @Test
  void prefixesNamesOutsideTheDefaultScope() {
    assertThat(DynoNames.container("it-1234", spec("worker.2", 0, false))).isEqualTo("it-1234.demo.worker.2.v7");
  }

  @Test
  void readsTheTypeOfADynoName() {
    assertThat(DynoNames.type("web.1")).isEqualTo("web");
    assertThat(DynoNames.type("urgent-worker.12")).isEqualTo("urgent-worker");
  }
}
