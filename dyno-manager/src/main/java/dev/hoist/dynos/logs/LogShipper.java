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
 * request. While the api cannot be reached the lines wait, up to 20,000 lines and 16 MB of messages
 * (a line may be 10,000 bytes); beyond either the oldest are dropped, and counted. {@link #offer}
 * never waits for the api, so a dyno's output (platform dynos' too) is never held up by it.
 */
public final class LogShipper implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LogShipper.class);
  static final long LINGER_MS = 100;
  static final int EAGER = 500;
  static final int PER_REQUEST = LogApi.MAX_LINES;
  static final int CAPACITY = 20_000;
  static final long CAPACITY_CHARS = 16L * 1024 * 1024;

  private final LogApi api;
  private final ArrayDeque<LogLine> queue = new ArrayDeque<>();
  private final Thread thread = new Thread(this::run, "dynos-log-shipper");
  private long chars; // of the messages queued
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
    long size = size(line);
    while (!queue.isEmpty() && (queue.size() >= CAPACITY || chars + size > CAPACITY_CHARS)) {
      chars -= size(queue.removeFirst());
      dropped++;
    }
    queue.addLast(line);
    chars += size;
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
    while (!queue.isEmpty() && batch.size() < PER_REQUEST) {
      LogLine line = queue.removeFirst();
      chars -= size(line);
      batch.add(line);
    }
    return batch;
  }

  /** Puts a batch that failed back in front of what came since, as far as there is room. */
  private synchronized void requeue(List<LogLine> batch) {
    for (int i = batch.size() - 1; i >= 0; i--) {
      long size = size(batch.get(i));
      if (queue.size() >= CAPACITY || chars + size > CAPACITY_CHARS) {
        dropped += i + 1; // the oldest of the batch
        return;
      }
      queue.addFirst(batch.get(i));
      chars += size;
    }
  }

  /** Lines waiting, for tests. */
  synchronized int queued() {
    return queue.size();
  }

  private static long size(LogLine line) {
    return line.message() == null ? 0 : line.message().length();
  }

  /**
   * The retry backoff: new lines wake this monitor too, and must not turn an outage into a tight
   * loop of requests; only close() ends it early.
   */
  private synchronized boolean pause(long ms) {
    long until = System.currentTimeMillis() + ms;
    try {
      for (long left = ms; !closed && left > 0; left = until - System.currentTimeMillis()) {
        wait(left);
      }
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
