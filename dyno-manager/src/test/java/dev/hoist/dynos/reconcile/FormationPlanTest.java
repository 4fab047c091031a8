package dev.hoist.dynos.reconcile;

import static dev.hoist.dynos.reconcile.Fixtures.booting;
import static dev.hoist.dynos.reconcile.Fixtures.crashed;
import static dev.hoist.dynos.reconcile.Fixtures.draining;
import static dev.hoist.dynos.reconcile.Fixtures.slot;
import static dev.hoist.dynos.reconcile.Fixtures.up;
import static dev.hoist.dynos.scheduler.Observed.Status.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormationPlanTest {
  private static final long NOW = 100_000;

  private static List<Action> plan(List<Slot> slots, List<Dyno> dynos) {
    return FormationPlan.plan(slots, dynos, s -> true, NOW, 1_000);
  }

  @Test
  void startsEveryMissingDyno() {
    List<Slot> slots = List.of(slot("web.1", 1), slot("web.2", 1), slot("worker.1", 1));
    assertThat(plan(slots, List.of(up("a", "web.1", 1))))
        .containsExactly(new Action.Start(slots.get(1)), new Action.Start(slots.get(2)));
  }

  @Test
  void startsNothingWhileAStartIsRefused() {
    assertThat(FormationPlan.plan(List.of(slot("web.1", 1)), List.of(), s -> false, NOW, 1_000))
        .isEmpty();
  }

  @Test
  void restartsACrashedDynoOnlyOnceItsExitIsHandledAndItMayStart() {
    Slot web = slot("web.1", 1);
    Dyno dead = crashed("a", "web.1", 1);
    assertThat(plan(List.of(web), List.of(dead))).containsExactly(new Action.Restart(dead, web));
    assertThat(FormationPlan.plan(List.of(web), List.of(dead), s -> false, NOW, 1_000)).isEmpty();
    Dyno unhandled = new Dyno(dead.observed(), false, false, 0, false, false);
    assertThat(plan(List.of(web), List.of(unhandled))).isEmpty();
  }

  @Test
  void drainsScaledAwayWebDynosThatAreUpAndStopsThoseThatAreNot() {
    Dyno serving = up("b", "web.2", 1);
    Dyno stillBooting = booting("c", "web.3", 1);
    assertThat(plan(List.of(slot("web.1", 1)), List.of(up("a", "web.1", 1), serving, stillBooting)))
        .containsExactlyInAnyOrder(new Action.Drain(serving), new Action.Stop(stillBooting));
  }

  @Test
  void stopsADrainingDynoOnlyWhenTheDelayAfterTheApiAcceptedItHasPassed() {
    List<Slot> slots = List.of(slot("web.1", 1));
    Dyno notAcked = draining("b", "web.2", 1, 0);
    Dyno acked = draining("c", "web.3", 1, NOW - 500);
    Dyno done = draining("d", "web.4", 1, NOW - 1_000);
    assertThat(plan(slots, List.of(up("a", "web.1", 1), notAcked, acked, done)))
        .containsExactly(new Action.Stop(done));
  }

  @Test
  void keepsTheOldReleaseServingUntilNewWebDynosAreUp() {
    List<Slot> v2 = List.of(slot("web.1", 2), slot("web.2", 2));
    Dyno old1 = up("a", "web.1", 1);
    Dyno old2 = up("b", "web.2", 1);
    assertThat(plan(v2, List.of(old1, old2, booting("c", "web.1", 2), booting("d", "web.2", 2))))
        .isEmpty();
    assertThat(plan(v2, List.of(old1, old2, up("c", "web.1", 2), booting("d", "web.2", 2))))
        .containsExactly(new Action.Drain(old1));
    assertThat(plan(v2, List.of(old1, old2, up("c", "web.1", 2), up("d", "web.2", 2))))
        .containsExactlyInAnyOrder(new Action.Drain(old1), new Action.Drain(old2));
  }

  @Test
  void keepsTheOldReleaseServingWhileTheNewOneCrashes() {
    List<Slot> v2 = List.of(slot("web.1", 2));
    Dyno old = up("a", "web.1", 1);
    assertThat(plan(v2, List.of(old, crashed("c", "web.1", 2))))
        .containsExactly(new Action.Restart(crashed("c", "web.1", 2), v2.get(0)));
  }

  @Test
  void replacesWebDynosOfAnEarlierRestartGenerationLikeADeploy() {
    List<Slot> restarted = List.of(slot("web.1", 1, 5_000));
    Dyno old = up("a", "web.1", 1);
    assertThat(plan(restarted, List.of(old))).containsExactly(new Action.Start(restarted.get(0)));
    Dyno fresh = Fixtures.up(Fixtures.observed("b", "web.1", 1, RUNNING, 5_000, 2_000));
    assertThat(plan(restarted, List.of(old, fresh))).containsExactly(new Action.Drain(old));
  }

  @Test
  void replacesAWebDynoMadeFromAnotherSpecLikeADeploy() {
    // Same name, release and generation, but made for another environment (a manager given another
    // api URL)
    List<Slot> slots = List.of(slot("web.1", 1));
    Dyno stranger =
        Fixtures.up(Fixtures.observed("a", "web.1", 1, RUNNING, 0, 1_000, "0123456789abcdef"));
    assertThat(plan(slots, List.of(stranger))).containsExactly(new Action.Start(slots.get(0)));
    assertThat(plan(slots, List.of(stranger, up("b", "web.1", 1))))
        .containsExactly(new Action.Drain(stranger));
  }

  @Test
  void replacesAWorkerMadeFromAnotherSpecAtOnceAndOneWithoutASpecLabelToo() {
    List<Slot> slots = List.of(slot("worker.1", 1));
    Dyno stranger =
        Fixtures.up(Fixtures.observed("a", "worker.1", 1, RUNNING, 0, 1_000, "0123456789abcdef"));
    Dyno unlabelled = Fixtures.up(Fixtures.observed("b", "worker.1", 1, RUNNING, 0, 1_000, ""));
    assertThat(plan(slots, List.of(stranger, unlabelled)))
        .containsExactlyInAnyOrder(
            new Action.Start(slots.get(0)), new Action.Stop(stranger), new Action.Stop(unlabelled));
  }

  @Test
  void stopsOldWorkersAtOnceAndRemovesWhatNoLongerRuns() {
    Dyno oldWorker = up("a", "worker.1", 1);
    Dyno oldDead = crashed("b", "web.1", 1);
    assertThat(plan(List.of(slot("worker.1", 2)), List.of(oldWorker, oldDead)))
        .containsExactlyInAnyOrder(
            new Action.Start(slot("worker.1", 2)),
            new Action.Stop(oldWorker),
            new Action.Remove(oldDead));
  }

  @Test
  void keepsOnlyTheNewestContainerOfASlot() {
    Dyno newer = up("a", "web.1", 1);
    Dyno older = Fixtures.up(Fixtures.observed("b", "web.1", 1, RUNNING, 0, 500));
    assertThat(plan(List.of(slot("web.1", 1)), List.of(older, newer)))
        .containsExactly(new Action.Stop(older));
  }
}
