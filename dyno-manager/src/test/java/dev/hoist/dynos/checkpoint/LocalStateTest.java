package dev.hoist.dynos.checkpoint;

import static dev.hoist.dynos.checkpoint.States.ordinary;
import static dev.hoist.dynos.checkpoint.States.platform;
import static dev.hoist.dynos.checkpoint.States.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hoist.internal.state.DesiredState;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.Release;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStateTest {
  @TempDir Path home;
  private final List<DesiredState> handed = new CopyOnWriteArrayList<>();
  private LocalState local;

  private Path checkpointPath() {
    return home.resolve("dynos/checkpoint.json");
  }

  private LocalState start() {
    local =
        new LocalState(
            new CheckpointFile(checkpointPath()),
            new Pins(home.resolve("dynos/pins.json")),
            new SlugStore(home.resolve("dynos/slugs")),
            Duration.ofMillis(20));
    local.start(handed::add);
    return local;
  }

  @AfterEach
  void stop() {
    if (local != null) local.close();
  }

  private DesiredState last() {
    return handed.get(handed.size() - 1);
  }

  private static int version(DesiredState s, String app) {
    return s.app(app).orElseThrow().release().version();
  }

  @Test
  void startsFromTheCheckpointAtOnceBeforeTheApiSaysAnything() throws Exception {
    new CheckpointFile(checkpointPath())
        .write(LocalState.merge(null, state(9, platform("hoist-api", 4)), Map.of()));
    start();
    assertThat(handed).hasSize(1);
    assertThat(version(last(), "hoist-api")).isEqualTo(4);
  }

  @Test
  void handsNothingOnWithoutACheckpoint() {
    start();
    assertThat(handed).isEmpty();
  }

  @Test
  void writesEveryStateToDiskBeforeHandingItOn() {
    List<Long> onDisk = new CopyOnWriteArrayList<>();
    local =
        new LocalState(
            new CheckpointFile(checkpointPath()),
            new Pins(home.resolve("dynos/pins.json")),
            new SlugStore(home.resolve("dynos/slugs")),
            Duration.ofSeconds(1));
    local.start(
        s ->
            onDisk.add(
                new CheckpointFile(checkpointPath()).read().orElseThrow().state().revision()));
    local.received(state(5, platform("hoist-api", 1), ordinary("demo", 1)));
    local.received(state(6, platform("hoist-api", 2), ordinary("demo", 1)));
    assertThat(onDisk).containsExactly(5L, 6L);
  }

  @Test
  void keepsRunningAPlatformAppThatAStateLacksButDropsAnOrdinaryOne() {
    start();
    local.received(
        state(1, platform("hoist-api", 3), platform("hoist-router", 2), ordinary("demo", 1)));
    local.received(state(2, platform("hoist-router", 2)));
    assertThat(last().apps())
        .extracting(AppState::name)
        .containsExactlyInAnyOrder("hoist-router", "hoist-api");
    assertThat(last().app("hoist-api").orElseThrow()).isEqualTo(platform("hoist-api", 3));
    // and it stays so across a restart, from the checkpoint
    local.close();
    handed.clear();
    start();
    assertThat(last().apps())
        .extracting(AppState::name)
        .containsExactlyInAnyOrder("hoist-router", "hoist-api");
  }

  @Test
  void doesNotTakeAStateThatLacksEveryPlatformAppItKnows() {
    start();
    local.received(state(1, platform("hoist-api", 3), ordinary("demo", 1)));
    local.received(state(2));
    local.received(state(3, ordinary("other", 1)));
    assertThat(handed).hasSize(1);
    assertThat(new CheckpointFile(checkpointPath()).read().orElseThrow().state().revision())
        .isEqualTo(1);
  }

  @Test
  void takesAStateWithoutPlatformAppsWhenItKnowsNone() {
    start();
    local.received(state(1, ordinary("demo", 1)));
    local.received(state(2));
    assertThat(last().apps()).isEmpty();
  }

  @Test
  void remembersTheLastThreeReleasesOfEachPlatformAppNewestFirst() {
    start();
    for (int v = 1; v <= 5; v++)
      local.received(state(v, platform("hoist-api", v), ordinary("demo", v)));
    Checkpoint c = new CheckpointFile(checkpointPath()).read().orElseThrow();
    assertThat(c.platform()).containsOnlyKeys("hoist-api");
    assertThat(c.platform().get("hoist-api")).extracting(Release::version).containsExactly(5, 4, 3);
    assertThat(c.platform().get("hoist-api").get(0).config()).containsEntry("SECRET", "s3cr3t-5");
    assertThat(local.keptSlugs())
        .containsExactlyInAnyOrder("hoist-api-s5", "hoist-api-s4", "hoist-api-s3");
    assertThat(local.keeps("demo-s5")).isFalse();
  }

  @Test
  void keepsAPinnedReleaseBeyondTheLastThree() {
    Checkpoint c = null;
    for (int v = 1; v <= 6; v++)
      c = LocalState.merge(c, state(v, platform("hoist-api", v)), Map.of("hoist-api", 2));
    assertThat(c.platform().get("hoist-api"))
        .extracting(Release::version)
        .containsExactly(6, 5, 4, 2);
  }

  @Test
  void runsThePinnedReleaseWithItsOwnCommandsAndConfigWhileThePinLasts() throws Exception {
    start();
    local.received(state(1, platform("hoist-api", 1)));
    local.received(state(2, platform("hoist-api", 2)));
    Path pins = home.resolve("dynos/pins.json");
    Files.writeString(pins, "{\"hoist-api\": \"v1\"}");
    await("the pin applied", () -> version(last(), "hoist-api") == 1);
    AppState pinned = last().app("hoist-api").orElseThrow();
    assertThat(pinned.release().config()).containsEntry("SECRET", "s3cr3t-1");
    assertThat(pinned.formation().get(0).command()).isEqualTo("bin/web v1");
    assertThat(pinned.formation().get(0).quantity()).isEqualTo(2);
    assertThat(pinned.dynoOptions()).isEqualTo(platform("hoist-api", 2).dynoOptions());

    local.received(state(3, platform("hoist-api", 3)));
    assertThat(version(last(), "hoist-api")).as("a new state does not end the pin").isEqualTo(1);

    Files.delete(pins);
    await("the pin lifted", () -> version(last(), "hoist-api") == 3);
  }

  @Test
  void ignoresAPinOfAReleaseTheCheckpointDoesNotHold() throws Exception {
    Files.createDirectories(home.resolve("dynos"));
    Files.writeString(home.resolve("dynos/pins.json"), "{\"hoist-api\": 1, \"demo\": 1}");
    start();
    local.received(state(1, platform("hoist-api", 5), ordinary("demo", 2)));
    assertThat(version(last(), "hoist-api")).isEqualTo(5);
    assertThat(version(last(), "demo")).as("ordinary apps are never pinned").isEqualTo(2);
  }

  @Test
  void dropsTheDynoOptionsOfAnOrdinaryApp() {
    start();
    AppState sneaky = platform("sneaky", 1);
    AppState ordinary =
        new AppState(
            sneaky.id(),
            sneaky.name(),
            sneaky.stackImage(),
            sneaky.release(),
            sneaky.formation(),
            sneaky.restarts(),
            sneaky.oneOffs(),
            false,
            sneaky.dynoOptions());
    local.received(state(1, ordinary));
    assertThat(last().app("sneaky").orElseThrow().dynoOptions()).isNull();
  }

  @Test
  void deletesSlugCopiesNoPlatformReleaseNeedsAnyMore() throws Exception {
    Path slugs = Files.createDirectories(home.resolve("dynos/slugs"));
    Files.writeString(slugs.resolve("hoist-api-s1.tgz"), "old");
    Files.writeString(slugs.resolve("stranger.tgz"), "?");
    start();
    for (int v = 1; v <= 4; v++) local.received(state(v, platform("hoist-api", v)));
    assertThat(slugs.resolve("hoist-api-s1.tgz")).doesNotExist();
    assertThat(slugs.resolve("stranger.tgz")).doesNotExist();
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) fail("timed out waiting for " + what);
      try {
        Thread.sleep(10); // polling interval of a deadline-bound wait
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }
}
