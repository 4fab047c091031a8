package dev.hoist.dynos.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.dynos.scheduler.DynoSpec;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.DynoOptions;
import dev.hoist.internal.state.DesiredState.Mount;
import dev.hoist.internal.state.DesiredState.OneOff;
import dev.hoist.internal.state.DesiredState.Process;
import dev.hoist.internal.state.DesiredState.Release;
import dev.hoist.internal.state.DesiredState.Slug;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlotsTest {
  private static final Slug SLUG =
      new Slug("s1", Map.of("web", "node server.js"), "SHA256:x", "http://blob");
  private static final Release RELEASE =
      new Release("r7", 7, SLUG, Map.of("GREETING", "hi", "DYNO", "x"));

  private static AppState app(
      Release release, List<Process> formation, Map<String, Long> restarts) {
    return new AppState("id", "demo", null, release, formation, restarts, List.of());
  }

  @Test
  void namesFormationDynosTypeDotNumberWithTheContractEnvironment() {
    List<Slot> slots =
        Slots.of(
            app(
                RELEASE,
                List.of(
                    new Process("web", 2, "standard-2X", 1024, 512, "node server.js"),
                    new Process("worker", 1, "standard-1X", 512, 256, "node worker.js")),
                Map.of()),
            5000);
    assertThat(slots).extracting(Slot::dyno).containsExactly("web.1", "web.2", "worker.1");
    DynoSpec web = slots.get(1).spec();
    assertThat(web.env())
        .containsEntry("GREETING", "hi")
        .containsEntry("PORT", "5000")
        .containsEntry("DYNO", "web.2")
        .containsEntry("HOME", "/app");
    assertThat(web.memoryMb()).isEqualTo(1024);
    assertThat(web.pids()).isEqualTo(512);
    assertThat(web.release()).isEqualTo(7);
    assertThat(slots.get(2).spec().env())
        .containsEntry("DYNO", "worker.1")
        .doesNotContainKey("PORT");
  }

  @Test
  void takesTheLatestRestartRequestThatAppliesToEachDyno() {
    List<Slot> slots =
        Slots.of(
            app(
                RELEASE,
                List.of(new Process("web", 2, "standard-1X", 512, 256, "x")),
                Map.of("*", 10L, "web", 20L, "web.2", 30L, "worker", 99L)),
            5000);
    assertThat(slots).extracting(s -> s.spec().generation()).containsExactly(20L, 30L);
  }

  @Test
  void asksForNothingWithoutASlugOrACommand() {
    assertThat(
            Slots.of(app(null, List.of(new Process("web", 1, "s", 512, 256, "x")), Map.of()), 5000))
        .isEmpty();
    assertThat(
            Slots.of(
                app(
                    new Release("r", 1, null, Map.of()),
                    List.of(new Process("web", 1, "s", 512, 256, "x")),
                    Map.of()),
                5000))
        .isEmpty();
    assertThat(
            Slots.of(
                app(RELEASE, List.of(new Process("clock", 1, "s", 512, 256, null)), Map.of()),
                5000))
        .isEmpty();
  }

  @Test
  void runsAReleasePhaseOnItsOwnReleaseAndEveryDynoOnTheAppsStack() {
    Release pending =
        new Release(
            "r8", 8, new Slug("s2", Map.of(), "SHA256:y", "http://blob2"), Map.of("NEW", "1"));
    OneOff phase =
        new OneOff(
            "release.1",
            "rake db:migrate",
            "standard-1X",
            512,
            256,
            Map.of(),
            false,
            null,
            3600,
            null,
            pending);
    AppState app =
        new AppState(
            "id",
            "demo",
            "hoist/stack-build:current",
            RELEASE,
            List.of(new Process("web", 1, "standard-1X", 512, 256, "x")),
            Map.of(),
            List.of(phase));
    DynoSpec spec = Slots.oneOff(app, phase, 5000, false);
    assertThat(spec.release()).isEqualTo(8);
    assertThat(spec.slugId()).isEqualTo("s2");
    assertThat(spec.type()).isEqualTo("release");
    assertThat(spec.env()).containsEntry("NEW", "1").doesNotContainKey("GREETING");
    assertThat(spec.stack()).isEqualTo("hoist/stack-build:current");
    assertThat(Slots.of(app, 5000).get(0).spec().stack()).isEqualTo("hoist/stack-build:current");
  }

  @Test
  void givesOneOffsTheirOwnVariablesAndAPort() {
    OneOff o =
        new OneOff(
            "run.42",
            "bash",
            "standard-1X",
            512,
            256,
            Map.of("TERM", "xterm", "GREETING", "own"),
            true,
            "t",
            60,
            null,
            null);
    DynoSpec spec = Slots.oneOff(app(RELEASE, List.of(), Map.of()), o, 5000, true);
    assertThat(spec.oneOff()).isTrue();
    assertThat(spec.tty()).isTrue();
    assertThat(spec.stdin()).isTrue();
    assertThat(spec.env())
        .containsEntry("TERM", "xterm")
        .containsEntry("GREETING", "own")
        .containsEntry("DYNO", "run.42")
        .containsEntry("PORT", "5000");
  }

  private static AppState platform(boolean platform, DynoOptions options) {
    return new AppState(
        "id",
        "hoist-router",
        null,
        RELEASE,
        List.of(
            new Process("web", 2, "standard-1X", 512, 256, "bin/router"),
            new Process("worker", 1, "standard-1X", 512, 256, "bin/worker")),
        Map.of(),
        List.of(),
        platform,
        options);
  }

  private static final OneOff RUN =
      new OneOff("run.1", "bash", "standard-1X", 512, 256, Map.of(), false, null, null, null, null);

  @Test
  void givesEveryWebDynoOfAPlatformAppItsOwnPortAndTheSharedOneOnTheHostsNetwork() {
    Mount snapshot = new Mount("/var/lib/hoist/routes", "/routes", false);
    List<Slot> slots =
        Slots.of(platform(true, new DynoOptions(true, 8080, List.of(snapshot))), 5000);
    DynoSpec web = slots.get(0).spec();
    assertThat(web.env())
        .as("PORT is left to the backend, which picks a free one per dyno")
        .doesNotContainKey("PORT")
        .containsEntry("HOIST_SHARED_PORT", "8080");
    assertThat(slots.get(1).spec().env()).containsEntry("HOIST_SHARED_PORT", "8080");
    assertThat(web.platform())
        .isEqualTo(
            new DynoSpec.Platform(
                true,
                true,
                List.of(new DynoSpec.Mount("/var/lib/hoist/routes", "/routes", false))));
    assertThat(slots.get(2).spec().env())
        .doesNotContainKey("PORT")
        .doesNotContainKey("HOIST_SHARED_PORT");
    assertThat(slots.get(2).spec().platform().freePort()).isFalse();
    DynoSpec run =
        Slots.oneOff(platform(true, new DynoOptions(true, 8080, List.of())), RUN, 5000, false);
    assertThat(run.env())
        .as("a one-off never takes the app's traffic")
        .doesNotContainKey("PORT")
        .doesNotContainKey("HOIST_SHARED_PORT");
    assertThat(run.platform().freePort()).isTrue();
  }

  @Test
  void leavesAFreePortToTheBackendWhenAPlatformAppHasNone() {
    List<Slot> slots = Slots.of(platform(true, new DynoOptions(true, null, List.of())), 5000);
    assertThat(slots.get(0).spec().env()).doesNotContainKey("PORT");
    assertThat(slots.get(0).spec().platform())
        .isEqualTo(new DynoSpec.Platform(true, true, List.of()));
    assertThat(slots.get(0).digest()).isEqualTo(slots.get(0).spec().digest());
  }

  @Test
  void runsAPlatformAppWithoutOptionsLikeAnyAppButMarked() {
    Slot web = Slots.of(platform(true, null), 5000).get(0);
    assertThat(web.spec().platform()).isEqualTo(DynoSpec.Platform.PLAIN);
    assertThat(web.spec().env()).containsEntry("PORT", "5000");
  }

  @Test
  void ignoresDynoOptionsOfAnOrdinaryApp() {
    Slot web =
        Slots.of(
                platform(false, new DynoOptions(true, 80, List.of(new Mount("/", "/host", false)))),
                5000)
            .get(0);
    assertThat(web.spec().platform()).isNull();
    assertThat(web.spec().env()).containsEntry("PORT", "5000");
  }
}
