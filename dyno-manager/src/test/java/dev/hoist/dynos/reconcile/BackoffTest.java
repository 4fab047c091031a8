package dev.hoist.dynos.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.dynos.reconcile.Backoff.Crashes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff =
      new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(10));

  @Test
  void restartsAtOnceThenDoublesFromTheInitialDelayUpToTheMaximum() {
    assertThat(backoff.delayAfter(1)).isZero();
    assertThat(backoff.delayAfter(2)).hasSeconds(5);
    assertThat(backoff.delayAfter(3)).hasSeconds(10);
    assertThat(backoff.delayAfter(4)).hasSeconds(20);
    assertThat(backoff.delayAfter(8)).hasSeconds(300);
    assertThat(backoff.delayAfter(1000)).hasSeconds(300);
  }

  @Test
  void countsConsecutiveCrashesAndSchedulesTheNextStart() {
    Crashes first = backoff.afterCrash(Crashes.NONE, 1_000, 200);
    assertThat(first).isEqualTo(new Crashes(1, 1_000));
    Crashes second = backoff.afterCrash(first, 2_000, 200);
    assertThat(second).isEqualTo(new Crashes(2, 7_000));
  }

  @Test
  void startsCountingAgainAfterADynoRanLongEnough() {
    Crashes many = new Crashes(6, 0);
    assertThat(backoff.afterCrash(many, 50_000, Duration.ofMinutes(10).toMillis()))
        .isEqualTo(new Crashes(1, 50_000));
    assertThat(backoff.afterCrash(many, 50_000, Duration.ofMinutes(9).toMillis()).count())
        .isEqualTo(7);
  }

  @Test
  void capsThePlatformAppsDelayAtFiveSeconds() {
    Backoff platform = backoff.forPlatform();
    assertThat(platform.delayAfter(2)).hasSeconds(5);
    assertThat(platform.delayAfter(3)).hasSeconds(5);
    assertThat(platform.delayAfter(1000)).hasSeconds(5);
    Backoff quick =
        new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(10))
            .forPlatform();
    assertThat(quick.delayAfter(2)).hasSeconds(1);
    assertThat(quick.delayAfter(4)).hasSeconds(4);
    assertThat(quick.delayAfter(5)).hasSeconds(5);
  }
}
