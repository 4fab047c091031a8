package dev.hoist.dynos.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Desired slots against observed formation dynos of one app: the heart of a pass, pure and
 * level-triggered.
 *
 * <ul>
 *   <li>A slot without a dyno starts one; a slot whose dyno crashed restarts it once its backoff is
 *       over ({@code mayStart} says so, and also refuses while a start is already under way).
 *   <li>Dynos that match no slot are <em>old</em> (another release, an earlier restart generation,
 *       or scaled away). Old dynos that no longer run are removed; old non-web dynos are stopped at
 *       once.
 *   <li>Old web dynos keep serving while the new set is short of up dynos: with {@code W} web slots
 *       and {@code U} new web dynos up, {@code W - U} old ones stay. Each extra one is drained
 *       (unroutable) and stopped once the api has accepted that report and {@code drainDelay} has
 *       passed. A new release that never comes up therefore leaves the old dynos serving.
 * </ul>
 */
public final class FormationPlan {
  private FormationPlan() {}

  public static List<Action> plan(
      List<Slot> slots, List<Dyno> dynos, Predicate<Slot> mayStart, long now, long drainDelayMs) {
    List<Action> actions = new ArrayList<>();
    Set<Dyno> current = new HashSet<>();
    int upNew = 0;
    for (Slot slot : slots) {
      List<Dyno> mine =
          dynos.stream()
              .filter(d -> !d.stopping() && slot.matches(d))
              .sorted(
                  Comparator.comparing((Dyno d) -> !d.running())
                      .thenComparing(d -> -d.observed().startedAt()))
              .toList();
      if (mine.isEmpty()) {
        if (mayStart.test(slot)) actions.add(new Action.Start(slot));
        continue;
      }
      Dyno primary = mine.get(0);
      current.add(primary);
      for (Dyno twin : mine.subList(1, mine.size()))
        actions.add(twin.running() ? new Action.Stop(twin) : new Action.Remove(twin));
      // a created container that never started is as dead as a crashed one (mayStart refuses while
      // a start runs)
      boolean dead = primary.observed().exited() ? primary.exitHandled() : !primary.running();
      if (dead && mayStart.test(slot)) actions.add(new Action.Restart(primary, slot));
      if (slot.web() && primary.running() && primary.up()) upNew++;
    }
    current.addAll(twins(actions));

    List<Dyno> oldWeb = new ArrayList<>();
    for (Dyno d : dynos) {
      if (d.stopping() || d.observed().oneOff() || current.contains(d)) continue;
      if (!d.running()) actions.add(new Action.Remove(d));
      else if (!d.web()) actions.add(new Action.Stop(d));
      else if (d.draining()) {
        if (d.drainAckedAt() > 0 && now >= d.drainAckedAt() + drainDelayMs)
          actions.add(new Action.Stop(d));
      } else oldWeb.add(d);
    }
    long webSlots = slots.stream().filter(Slot::web).count();
    Set<String> slotNames = new HashSet<>();
    slots.forEach(s -> slotNames.add(s.dyno()));
    long keep = Math.max(0, webSlots - upNew);
    oldWeb.sort(
        Comparator.comparing((Dyno d) -> d.up())
            .thenComparing(d -> slotNames.contains(d.observed().dyno()))
            .thenComparing(d -> d.observed().dyno()));
    for (int i = 0; i < oldWeb.size() - keep; i++) {
      Dyno d = oldWeb.get(i);
      actions.add(d.up() ? new Action.Drain(d) : new Action.Stop(d));
    }
    return actions;
  }

  private static List<Dyno> twins(List<Action> actions) {
    List<Dyno> handled = new ArrayList<>();
    for (Action a : actions) {
      if (a instanceof Action.Stop s) handled.add(s.dyno());
      if (a instanceof Action.Remove r) handled.add(r.dyno());
    }
    return handled;
  }
}
