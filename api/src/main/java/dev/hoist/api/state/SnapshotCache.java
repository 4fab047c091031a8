package dev.hoist.api.state;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The last answer of a watch endpoint, serialized, with the revision it was read at: the watchers
 * that one change wakes, and every ask until the next change, cost one read of the whole table.
 *
 * <p>An entry answers only a caller that has just read the same revision from the database. Every
 * change to what a snapshot holds bumps its revision in the change's own transaction (that is what
 * wakes the watchers), so an entry of the current revision holds the current table; a change made
 * by another api process moves the same revision row and is seen the same way. Entries also expire
 * {@link #MAX_AGE} after they were read: that bounds how old a signed URL in an answer can be (the
 * state's slug URLs last an hour from signing), and how long an entry could outlive a change that
 * forgot to bump the revision.
 *
 * <p>Thread-safe. One caller at a time reads a missing entry; the others wait for it, and then find
 * it.
 */
public final class SnapshotCache {
  static final Duration MAX_AGE = Duration.ofSeconds(10);

  /** A table serialized as its endpoint answers it, and the revision it was read at. */
  public record Snapshot(long revision, byte[] json) {}

  private record Entry(Snapshot snapshot, long readAtNanos) {}

  private final Object reading = new Object();
  private final LongSupplier nanoTime;
  private volatile Entry last;

  public SnapshotCache() {
    this(System::nanoTime);
  }

  SnapshotCache(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * The snapshot of {@code revision} if one was read less than {@link #MAX_AGE} ago; else a new one
   * from {@code read}, which may be of a later revision (it reads its own).
   */
  public Snapshot get(long revision, Supplier<Snapshot> read) {
    Snapshot hit = hit(revision);
    if (hit != null) return hit;
    synchronized (reading) {
      hit = hit(revision);
      if (hit != null) return hit;
      long at = nanoTime.getAsLong();
      Snapshot fresh = read.get();
      last = new Entry(fresh, at);
      return fresh;
    }
  }

  private Snapshot hit(long revision) {
    Entry e = last;
    boolean young = e != null && nanoTime.getAsLong() - e.readAtNanos() < MAX_AGE.toNanos();
    return young && e.snapshot().revision() == revision ? e.snapshot() : null;
  }
}
