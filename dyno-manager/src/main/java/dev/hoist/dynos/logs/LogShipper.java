package dev.hoist.dynos.logs;

import dev.hoist.internal.InternalApiException;
import dev.hoist.internal.logs.LogApi;
import dev.hoist.internal.logs.LogLine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends log lines to {@code POST /internal/logs} from one thread: a batch leaves 100 ms after its
 * first line or as soon as 500 lines wait, whichever comes first, with at most 1,000 lines per
 * request. While the api cannot be reached the lines wait (up to 20,000; the oldest are dropped
 * beyond that, and counted).
 */
public final class LogShipper implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LogShipper.class);
  static final long LINGER_MS = 100;
  static final int EAGER = 500;
  static final int PER_REQUEST = LogApi.MAX_LINES;
  static final int CAPACITY = 20_000;

  private final LogApi api;
  private final ArrayDeque<LogLine> queue = new ArrayDeque<>();
  private final Thread thread = new Thread(this::run, "dynos-log-shipper");
  private long dropped;
  private boolean closed;

  public LogShipper(LogApi api) {
    this.api = api;
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  public synchronized void offer(LogLine line) {
    if (queue.size() >= CAPACITY) {
      queue.removeFirst();
      dropped++;
    }
    queue.addLast(line);
    if (queue.size() == 1 || queue.size() >= EAGER) notifyAll();
  }

  /** A platform event for a dyno: {@code hoist[web.1]: State changed from starting to up}. */
  public void platform(String app, String dyno, String message) {
    offer(LogLine.hoist(app, dyno, message));
  }

  private void run() {
    boolean failing = false;
    while (true) {
      List<LogLine> batch = next();
      if (batch == null) return;
      try {
        api.post(batch);
        if (failing) log.info("log lines reach the api again");
        failing = false;
      } catch (InternalApiException e) {
        if (!failing)
          log.warn("cannot send {} log lines, keeping them: {}", batch.size(), e.getMessage());
        failing = true;
        requeue(batch);
        if (!pause(1000)) return;
      }
    }
  }

  /** Waits for a batch; null once closed and empty. */
  private synchronized List<LogLine> next() {
    try {
      while (queue.isEmpty() && !closed) wait();
      long due = System.currentTimeMillis() + LINGER_MS;
      while (!closed && queue.size() < EAGER && System.currentTimeMillis() < due) {
        wait(Math.max(1, due - System.currentTimeMillis()));
      }
    } catch (InterruptedException e) {
      return null;
    }
    if (queue.isEmpty()) return null;
    if (dropped > 0) {
      log.warn("dropped {} log lines while the api could not take them", dropped);
      dropped = 0;
    }
    List<LogLine> batch = new ArrayList<>();
    while (!queue.isEmpty() && batch.size() < PER_REQUEST) batch.add(queue.removeFirst());
    return batch;
  }

  private synchronized void requeue(List<LogLine> batch) {
    for (int i = batch.size() - 1; i >= 0 && queue.size() < CAPACITY; i--)
      queue.addFirst(batch.get(i));
  }

  private synchronized boolean pause(long ms) {
    try {
      if (!closed) wait(ms); // retry backoff; close() wakes it
      return !closed;
    } catch (InterruptedException e) {
      return false;
    }
  }

  /** Sends what is queued (waiting up to two seconds), then stops. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread.interrupt();
  }
}
