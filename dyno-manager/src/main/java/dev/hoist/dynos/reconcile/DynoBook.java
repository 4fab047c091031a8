package dev.hoist.dynos.reconcile;

import dev.hoist.dynos.reconcile.Backoff.Crashes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dyno manager's memory, kept only to act well, never as the truth: containers come from the
 * scheduler on every pass, and losing this book (a restart) costs at most a repeated log line or a
 * reset backoff.
 */
final class DynoBook {
  final Map<String, Tracked> containers = new ConcurrentHashMap<>();

  /** Crash history per slot key. */
  final Map<String, Crashes> crashes = new ConcurrentHashMap<>();

  /** Slot keys (or one-off keys) with a start under way. */
  final Set<String> starting = ConcurrentHashMap.newKeySet();

  /**
   * Slot keys whose last start failed before a container existed (R17, engine refusal), with the
   * reason.
   */
  final Map<String, String> failures = new ConcurrentHashMap<>();

  /** Apps and releases already told that the new release failed to boot. */
  final Set<String> failedBoots = ConcurrentHashMap.newKeySet();

  Tracked track(String id) {
    return containers.computeIfAbsent(id, Tracked::new);
  }

  Tracked get(String id) {
    return containers.get(id);
  }

  void forget(String id) {
    Tracked t = containers.remove(id);
    if (t != null) t.close();
  }

  Crashes crashesOf(String slotKey) {
    return crashes.getOrDefault(slotKey, Crashes.NONE);
  }
}
