package dev.hoist.api.notify;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SignalsTest {
  private final Signals<String> signals = new Signals<>();

  @Test
  void aWakeBetweenTheReadAndTheWaitIsNotLost() throws Exception {
    try (Signals<String>.Waiter waiter = signals.open("build-1")) {
      long seen = waiter.count();
      signals.wake("build-1"); // the notice came while the waiter was reading the database
      CompletableFuture<Void> wait =
          CompletableFuture.runAsync(
              () -> {
                try {
                  waiter.await(seen, 60_000);
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      wait.get(30, SECONDS);
      assertThat(waiter.count()).isEqualTo(seen + 1);
    }
  }

  @Test
  void aWakeReachesTheWaitersOfItsKeyOnly() throws Exception {
    try (Signals<String>.Waiter one = signals.open("build-1");
        Signals<String>.Waiter two = signals.open("build-2")) {
      long seenOne = one.count();
      long seenTwo = two.count();
      CountDownLatch waiting = new CountDownLatch(1);
      CompletableFuture<Void> wait =
          CompletableFuture.runAsync(
              () -> {
                try {
                  waiting.countDown();
                  one.await(seenOne, 60_000);
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      waiting.await();
      signals.wake("build-1");
      wait.get(30, SECONDS);
      assertThat(two.count()).isEqualTo(seenTwo);
    }
  }

  @Test
  void aKeyNobodyWaitsOnIsForgottenAndWakingItDoesNothing() {
    try (Signals<String>.Waiter waiter = signals.open("build-1")) {
      signals.wake("build-1");
      assertThat(waiter.count()).isEqualTo(1);
    }
    signals.wake("build-1");
    try (Signals<String>.Waiter again = signals.open("build-1")) {
      assertThat(again.count()).as("a new slot: the old one went with its last waiter").isZero();
    }
  }
}
