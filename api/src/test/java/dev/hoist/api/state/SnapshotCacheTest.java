package dev.hoist.api.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.api.state.SnapshotCache.Snapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The watch endpoints' cache: one read per revision, never an entry of another revision. */
class SnapshotCacheTest {
  private final AtomicLong now = new AtomicLong();
  private final SnapshotCache cache = new SnapshotCache(now::get);
  private final AtomicInteger reads = new AtomicInteger();

  private Supplier<Snapshot> readAt(long revision) {
    return () -> {
      reads.incrementAndGet();
      return new Snapshot(revision, ("r" + revision + "#" + reads.get()).getBytes());
    };
  }

  @Test
  void answersARevisionAlreadyReadWithoutReadingAgain() {
    Snapshot first = cache.get(7, readAt(7));
    Snapshot again = cache.get(7, readAt(7));

    assertThat(again).isSameAs(first);
    assertThat(reads).hasValue(1);
  }

  @Test
  void readsAgainOnceTheRevisionMoved() {
    cache.get(7, readAt(7));
    Snapshot next = cache.get(8, readAt(8));

    assertThat(next.revision()).isEqualTo(8);
    assertThat(reads).hasValue(2);
  }

  @Test
  void keepsAReadOfALaterRevisionThanAskedForThatRevisionOnly() {
    Snapshot read = cache.get(7, readAt(9)); // a change landed between the two revision reads

    assertThat(read.revision()).isEqualTo(9);
    assertThat(cache.get(9, readAt(9))).isSameAs(read);
    assertThat(cache.get(7, readAt(9)))
        .as("never an older revision from the entry")
        .isNotSameAs(read);
  }

  @Test
  void readsAgainWhenTheEntryIsOlderThanItsMaximumAge() {
    Snapshot first = cache.get(7, readAt(7));
    now.addAndGet(SnapshotCache.MAX_AGE.toNanos() - 1);
    assertThat(cache.get(7, readAt(7))).isSameAs(first);

    now.addAndGet(1);
    assertThat(cache.get(7, readAt(7))).isNotSameAs(first);
    assertThat(reads).hasValue(2);
  }

  @Test
  void manyCallersOfOneRevisionShareOneRead() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Supplier<Snapshot> slow =
        () -> {
          reading.countDown();
          try {
            finish.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return readAt(7).get();
        };
    List<Thread> callers = new ArrayList<>();
    List<Snapshot> answers = Collections.synchronizedList(new ArrayList<>());
    Thread first = new Thread(() -> answers.add(cache.get(7, slow)));
    first.start();
    assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 8; i++) {
      Thread t = new Thread(() -> answers.add(cache.get(7, slow)));
      callers.add(t);
      t.start();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (callers.stream().anyMatch(t -> t.getState() != Thread.State.BLOCKED)) {
      assertThat(System.nanoTime()).as("the callers wait for the read").isLessThan(deadline);
      Thread.onSpinWait();
    }
    finish.countDown();
    first.join(10_000);
    for (Thread t : callers) t.join(10_000);

    assertThat(answers).hasSize(9).allSatisfy(a -> assertThat(a).isSameAs(answers.get(0)));
    assertThat(reads).hasValue(1);
  }
}
