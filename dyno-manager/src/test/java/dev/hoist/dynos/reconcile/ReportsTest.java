package dev.hoist.dynos.reconcile;

import static dev.hoist.dynos.reconcile.Fixtures.booting;
import static dev.hoist.dynos.reconcile.Fixtures.crashed;
import static dev.hoist.dynos.reconcile.Fixtures.draining;
import static dev.hoist.dynos.reconcile.Fixtures.slot;
import static dev.hoist.dynos.reconcile.Fixtures.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hoist.dynos.scheduler.Exit;
import dev.hoist.dynos.scheduler.Observed;
import dev.hoist.internal.dynos.DynoReport;
import dev.hoist.internal.state.DesiredState.OneOff;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportsTest {
  @Test
  void reportsEveryContainerWithStateAddressAndRoutability() {
    Dyno serving = up("a", "web.1", 1);
    List<DynoReport> r =
        Reports.of(
            List.of(
                serving,
                booting("b", "web.2", 1),
                crashed("c", "web.3", 1),
                draining("d", "web.1", 0, 5)),
            id -> id.equals("c") ? new Exit(3, false) : null,
            List.of(slot("web.1", 1), slot("web.2", 1), slot("web.3", 1)),
            s -> null,
            List.of(),
            1,
            5000);
    assertThat(r)
        .extracting(
            DynoReport::name,
            DynoReport::releaseVersion,
            DynoReport::state,
            DynoReport::routable,
            DynoReport::exitCode)
        .containsExactly(
            tuple("web.1", 0, "up", false, null),
            tuple("web.1", 1, "up", true, null),
            tuple("web.2", 1, "starting", true, null),
            tuple("web.3", 1, "crashed", false, 3));
    assertThat(r.get(1).address()).isEqualTo(serving.observed().ip() + ":5000");
    assertThat(r.get(3).address()).isNull();
  }

  @Test
  void showsSlotsWithoutAContainerAsStartingOrCrashedAfterAFailure() {
    List<DynoReport> r =
        Reports.of(
            List.of(),
            id -> null,
            List.of(slot("web.1", 2), slot("worker.1", 2)),
            s -> s.dyno().equals("worker.1") ? "R17" : null,
            List.of(),
            2,
            5000);
    assertThat(r)
        .extracting(DynoReport::name, DynoReport::state, DynoReport::containerId)
        .containsExactly(tuple("web.1", "starting", null), tuple("worker.1", "crashed", null));
  }

  @Test
  void showsOneOffsWaitingForTheirClient() {
    OneOff waiting =
        new OneOff("run.7", "bash", "standard-1X", 512, 256, Map.of(), true, "t", null, null, null);
    assertThat(Reports.of(List.of(), id -> null, List.of(), s -> null, List.of(waiting), 4, 5000))
        .containsExactly(
            new DynoReport(
                "run.7", "run", "starting", "bash", "standard-1X", 4, null, null, false, null));
  }

  @Test
  void givesADynoOnTheHostsNetworkItsOwnPortOnTheLoopback() {
    Observed o = Fixtures.observed("h", "web.1", 1, Observed.Status.RUNNING);
    Observed onHost =
        new Observed(
            o.id(),
            o.app(),
            o.dyno(),
            o.type(),
            o.release(),
            o.slugId(),
            o.generation(),
            o.startedAt(),
            false,
            o.command(),
            o.size(),
            o.memoryMb(),
            o.spec(),
            o.status(),
            "127.0.0.1",
            41234);
    List<DynoReport> r =
        Reports.of(
            List.of(up(onHost)),
            id -> null,
            List.of(slot("web.1", 1)),
            s -> null,
            List.of(),
            1,
            5000);
    assertThat(r.get(0).address()).isEqualTo("127.0.0.1:41234");
  }
}
