package dev.hoist.router.proxy;

import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dynos that recently refused or dropped a connection, avoided for a short while (Heroku: 5 s, per
 * router). Shared by all event loops: one loop's bad experience spares the others the same connect
 * timeout. Reads, on every request, are a lock-free map lookup, and nothing when the map is empty.
 */
final class Quarantine {
  private final ConcurrentHashMap<InetSocketAddress, Long> until = new ConcurrentHashMap<>();
  private final long nanos;

  Quarantine(long nanos) {
    this.nanos = nanos;
  }

  void add(InetSocketAddress dyno) {
    until.put(dyno, System.nanoTime() + nanos);
  }

  boolean contains(InetSocketAddress dyno) {
    if (until.isEmpty()) return false;
    Long end = until.get(dyno);
    if (end == null) return false;
    if (end - System.nanoTime() > 0) return true;
    until.remove(dyno, end);
    return false;
  }
}
