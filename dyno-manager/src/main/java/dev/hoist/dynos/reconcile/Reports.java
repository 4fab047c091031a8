package dev.hoist.dynos.reconcile;

import dev.hoist.dynos.scheduler.Exit;
import dev.hoist.dynos.scheduler.Observed;
import dev.hoist.internal.dynos.DynoReport;
import dev.hoist.internal.state.DesiredState.OneOff;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The observed list of one app for {@code PUT /internal/apps/{app}/dynos}: every container
 * (formation and one-off, old release and new), plus one entry without a container for each slot
 * that has none yet ({@code starting} while its image is prepared or its start is under way, {@code
 * crashed} after R17), and one for each one-off that waits for its container (an attached one waits
 * for its client).
 */
final class Reports {
  private Reports() {}

  static List<DynoReport> of(
      List<Dyno> dynos,
      Function<String, Exit> exits,
      List<Slot> slots,
      Function<Slot, String> failure,
      List<OneOff> waiting,
      Integer release,
      int port) {
    List<DynoReport> out = new ArrayList<>();
    for (Dyno d : dynos) {
      Observed o = d.observed();
      if (o.oneOff() && o.exited())
        continue; // finished: its exit goes to the one-off exit endpoint
      String state = state(d);
      Exit exit = exits.apply(o.id());
      Integer code = "crashed".equals(state) && exit != null ? exit.status() : null;
      String address = d.web() ? o.address(port) : null;
      boolean routable = !d.draining() && !d.stopping() && !"crashed".equals(state);
      out.add(
          new DynoReport(
              o.dyno(),
              o.type(),
              state,
              o.command(),
              o.size(),
              o.release(),
              o.id(),
              address,
              routable,
              code));
    }
    for (Slot slot : slots) {
      if (dynos.stream().anyMatch(slot::matches)) continue;
      String failed = failure.apply(slot);
      out.add(
          new DynoReport(
              slot.dyno(),
              slot.type(),
              failed != null ? "crashed" : "starting",
              slot.spec().command(),
              slot.spec().size(),
              slot.spec().release(),
              null,
              null,
              failed == null,
              null));
    }
    for (OneOff o : waiting) {
      out.add(
          new DynoReport(
              o.name(),
              "run",
              "starting",
              o.command(),
              o.size(),
              release,
              null,
              null,
              false,
              null));
    }
    out.sort(
        Comparator.comparing(DynoReport::name)
            .thenComparing(r -> r.releaseVersion() == null ? 0 : r.releaseVersion())
            .thenComparing(r -> r.containerId() == null ? "" : r.containerId()));
    return out;
  }

  static String state(Dyno d) {
    if (d.stopping()) return "down";
    return switch (d.observed().status()) {
      case CREATED -> "starting";
      case EXITED -> "crashed";
      case RUNNING -> d.up() ? "up" : "starting";
    };
  }
}
