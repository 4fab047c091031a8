package dev.hoist.dynos.reconcile;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each app's up formation dynos answer, by process type, from the manager's own book: what
 * the seed's stable address forwards to. Each pass publishes a new snapshot; an exit the engine
 * announces takes its dyno out at once, before the next pass. Reads take no lock and make no call,
 * so they can be made for every new connection.
 */
final class Addresses {
  private record Up(String containerId, InetSocketAddress address) {}

  private volatile Map<String, List<Up>> byKey = Map.of();

  /** Collects one pass's up dynos. */
  static final class Builder {
    private final Map<String, List<Up>> byKey = new HashMap<>();

    /** A formation dyno that runs, is up, and is neither draining nor stopping. */
    void add(String app, String type, String containerId, String address) {
      int colon = address.lastIndexOf(':');
      InetSocketAddress a =
          new InetSocketAddress( // an IP literal: parsed, never looked up
              address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
      byKey.computeIfAbsent(key(app, type), k -> new ArrayList<>()).add(new Up(containerId, a));
    }
  }

  synchronized void publish(Builder b) {
    Map<String, List<Up>> next = new HashMap<>();
    b.byKey.forEach((k, v) -> next.put(k, List.copyOf(v)));
    byKey = Map.copyOf(next);
  }

  /** The dyno exited or is gone: no new connection goes to it. */
  synchronized void gone(String containerId) {
    Map<String, List<Up>> next = new HashMap<>();
    boolean found = false;
    for (var e : byKey.entrySet()) {
      List<Up> kept =
          e.getValue().stream().filter(u -> !u.containerId.equals(containerId)).toList();
      found |= kept.size() != e.getValue().size();
      if (!kept.isEmpty()) next.put(e.getKey(), kept);
    }
    if (found) byKey = Map.copyOf(next);
  }

  List<InetSocketAddress> of(String app, String type) {
    List<Up> up = byKey.get(key(app, type));
    return up == null ? List.of() : up.stream().map(Up::address).toList();
  }

  private static String key(String app, String type) {
    return app + "\0" + type;
  }
}
