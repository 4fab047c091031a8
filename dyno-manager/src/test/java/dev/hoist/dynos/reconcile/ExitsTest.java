package dev.hoist.dynos.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.dynos.logs.LogShipper;
import dev.hoist.dynos.scheduler.Exit;
import dev.hoist.dynos.scheduler.Observed;
import dev.hoist.internal.InternalApi;
import dev.hoist.internal.logs.LogApi;
import dev.hoist.internal.state.DesiredState.AppState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A crash is counted in its slot's backoff; a platform app's never waits more than 5 s. */
class ExitsTest {
  private static final Backoff BACKOFF =
      new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(10));

  /** Every dyno exited with status 3. */
  private static final class Crashed extends NoScheduler {
    @Override
    public Optional<Exit> exit(String containerId) {
      return Optional.of(new Exit(3, false));
    }
  }

  private static AppState app(boolean platform) {
    return new AppState("id", "demo", null, null, List.of(), Map.of(), List.of(), platform, null);
  }

  /** When the slot may start again after three crashes in a row, and when the last was counted. */
  private record Third(long before, long nextStartAt, long after) {}

  private static Third thirdCrash(boolean platform) {
    DynoBook book = new DynoBook();
    // never started: the lines only queue (the api it would send them to does not exist)
    LogShipper logs = new LogShipper(new LogApi(new InternalApi("http://127.0.0.1:9", "t")));
    Exits exits = new Exits(new Crashed(), book, logs, BACKOFF);
    long before = 0;
    long after = 0;
    for (int i = 1; i <= 3; i++) {
      Observed o =
          Fixtures.observed(
              "c" + i, "worker.1", 1, Observed.Status.EXITED, 0, System.currentTimeMillis());
      before = System.currentTimeMillis();
      exits.handle(app(platform), new Dyno(o, true, false, 0, false, false), List.of(o));
      after = System.currentTimeMillis();
    }
    return new Third(
        before, book.crashesOf(Slot.key("demo", "worker.1", 1, 0)).nextStartAt(), after);
  }

  @Test
  void doublesTheWaitOfAnOrdinaryApp() {
    Third t = thirdCrash(false);
    assertThat(t.nextStartAt()).isGreaterThanOrEqualTo(t.before() + 10_000);
  }

  @Test
  void capsThePlatformAppsWaitAtFiveSeconds() {
    Third t = thirdCrash(true);
    assertThat(t.nextStartAt()).isBetween(t.before() + 5_000, t.after() + 5_000);
  }
}
