package dev.hoist.dynos.reconcile;

import dev.hoist.internal.InternalApiException;
import dev.hoist.internal.dynos.DynoApi;
import dev.hoist.internal.dynos.DynoReport;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code PUT /internal/apps/{app}/dynos} from one thread, coalesced: every pass offers each
 * app's whole list; a list equal to the last one the api accepted is dropped, and while a request
 * is out only the newest list per app waits. After each accepted list, {@code accepted} hears about
 * it (that is when a draining dyno's delay starts). A failed send is retried after a second; an app
 * the api does not know (404) is dropped.
 */
final class Reporter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Reporter.class);

  private final DynoApi api;
  private final BiConsumer<String, List<DynoReport>> accepted;
  private final Map<String, List<DynoReport>> sent = new HashMap<>();
  private final Map<String, List<DynoReport>> waiting = new LinkedHashMap<>();
  private final Thread thread = new Thread(this::run, "dynos-reporter");
  private boolean closed;

  Reporter(DynoApi api, BiConsumer<String, List<DynoReport>> accepted) {
    this.api = api;
    this.accepted = accepted;
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  synchronized void offer(String app, List<DynoReport> dynos) {
    if (dynos.equals(sent.get(app))) {
      waiting.remove(app);
      return;
    }
    waiting.put(app, dynos);
    notifyAll();
  }

  private void run() {
    boolean failing = false;
    while (true) {
      Map.Entry<String, List<DynoReport>> next = next();
      if (next == null) return;
      try {
        api.report(next.getKey(), next.getValue());
        synchronized (this) {
          sent.put(next.getKey(), next.getValue());
        }
        failing = false;
        accepted.accept(next.getKey(), next.getValue());
      } catch (InternalApiException e) {
        if (e.status() == 404) continue;
        synchronized (this) {
          if (closed) return;
        }
        if (!failing) log.warn("cannot report the dynos of {}: {}", next.getKey(), e.getMessage());
        failing = true;
        synchronized (this) {
          waiting.putIfAbsent(next.getKey(), next.getValue());
          // The retry backoff: every pass's offer wakes this monitor too, and must not turn an
          // outage into a tight loop of requests; only close() ends it early.
          long until = System.currentTimeMillis() + 1000;
          try {
            for (long left = 1000; !closed && left > 0; left = until - System.currentTimeMillis())
              wait(left);
          } catch (InterruptedException ie) {
            return;
          }
        }
      }
    }
  }

  private synchronized Map.Entry<String, List<DynoReport>> next() {
    try {
      while (waiting.isEmpty() && !closed) wait();
    } catch (InterruptedException e) {
      return null;
    }
    if (closed) return null;
    String app = waiting.keySet().iterator().next();
    return Map.entry(app, waiting.remove(app));
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    thread.interrupt();
  }
}
