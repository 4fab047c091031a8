package dev.hoist.api.notify;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Threads waiting for news of one thing each (a build's output), woken by key. A waiter opens its
 * key, notes {@link Waiter#count}, reads the database, and if it found nothing new waits for the
 * count to move; a wake between its read and its wait is not lost. Keys nobody waits on cost
 * nothing: waking them does nothing.
 */
public final class Signals<K> {
  private final Map<K, Slot> slots = new ConcurrentHashMap<>();

  private static final class Slot {
    int open; // guarded by Signals.slots' compute
    long count; // guarded by this
  }

  /** Starts waiting on {@code key}; close the waiter when done. */
  public Waiter open(K key) {
    Slot slot =
        slots.compute(
            key,
            (k, s) -> {
              Slot held = s == null ? new Slot() : s;
              held.open++;
              return held;
            });
    return new Waiter(key, slot);
  }

  public void wake(K key) {
    Slot slot = slots.get(key);
    if (slot != null) wake(slot);
  }

  /** Wakes every waiter (notices may have been missed). */
  public void wakeAll() {
    slots.values().forEach(Signals::wake);
  }

  private static void wake(Slot slot) {
    synchronized (slot) {
      slot.count++;
      slot.notifyAll();
    }
  }

  /** One thread's wait on one key. */
  public final class Waiter implements AutoCloseable {
    private final K key;
    private final Slot slot;

    private Waiter(K key, Slot slot) {
      this.key = key;
      this.slot = slot;
    }

    /** How many wakes the key has had; take it before reading what the wake is about. */
    public long count() {
      synchronized (slot) {
        return slot.count;
      }
    }

    /** Waits until the key is woken after {@code seen} was taken, or {@code millis} pass. */
    public void await(long seen, long millis) throws InterruptedException {
      long deadline = System.currentTimeMillis() + millis;
      synchronized (slot) {
        long left = millis;
        while (slot.count == seen && left > 0) {
          slot.wait(left);
          left = deadline - System.currentTimeMillis();
        }
      }
    }

    @Override
    public void close() {
      slots.computeIfPresent(key, (k, s) -> --s.open == 0 ? null : s);
    }
  }
}
