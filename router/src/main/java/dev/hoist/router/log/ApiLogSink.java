package dev.hoist.router.log;

import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Batches router lines to {@code POST {api}/internal/logs} (source {@code hoist}, dyno {@code router}), in
 * its text form ({@link LogBatch}).
 *
 * <p>Event loops only offer the line's fields to a bounded lock-free queue. One sender thread takes them,
 * writes their text and posts up to 500 lines per request: as soon as 500 are there, or once the oldest
 * has waited 100 ms ({@link #due}), so that at high rates every request carries a full batch. While the
 * api is unreachable the sender holds its batch and retries, the queue fills, and further lines are
 * dropped and counted ({@link #dropped()}): losing log lines is better than slowing requests or growing
 * without bound. The outage is logged once, with the count at its end.
 */
public final class ApiLogSink implements LogSink {
  private static final System.Logger LOG = System.getLogger(ApiLogSink.class.getName());
  static final int BATCH = 500;
  static final long MAX_WAIT_NANOS = 100_000_000L;
  // How often the sender looks at the queue while a batch is filling: lines are taken at most this late,
  // and the default buffer of 20,000 lines holds what 2 million requests a second leave in this time.
  // With nothing waiting it looks every MAX_WAIT_NANOS instead, so an idle router does not wake 100
  // times a second.
  private static final long POLL_NANOS = 10_000_000L;
  private static final long RETRY_NANOS = 1_000_000_000L;

  private final Queue<LogBatch.Line> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final LogBatch encoder = new LogBatch(); // the sender thread's own
  private final URI endpoint;
  private final LogPoster poster;
  private volatile boolean warnedRefused;
  private final Thread sender;
  private volatile boolean closed;

  public ApiLogSink(String apiUrl, String token, int capacity) {
    String base = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    this.endpoint = URI.create(base + "internal/logs?" + LogBatch.QUERY);
    this.poster = new LogPoster(endpoint, token);
    this.queue = PlatformDependent.newFixedMpscQueue(capacity);
    this.sender = new Thread(this::run, "hoist-router-logs");
    sender.setDaemon(true);
    sender.start();
  }

  @Override
  public void log(String app, RouterLogLine line) {
    if (!queue.offer(new LogBatch.Line(app, line))) dropped.incrementAndGet();
  }

  /** Lines lost because the buffer was full. */
  public long dropped() {
    return dropped.get();
  }

  private void run() {
    try {
      sendUntilClosed();
    } finally {
      poster.close();
    }
  }

  private void sendUntilClosed() {
    List<LogBatch.Line> batch = new ArrayList<>(BATCH);
    long firstSeen = 0; // the last look that found nothing: the batch's oldest line came after it
    long lastLook = System.nanoTime();
    long failingSince = 0;
    long droppedBefore = 0;
    while (!closed || !queue.isEmpty() || !batch.isEmpty()) {
      long now = System.nanoTime();
      if (batch.isEmpty()) firstSeen = lastLook;
      lastLook = now;
      LogBatch.Line line;
      while (batch.size() < BATCH && (line = queue.poll()) != null) batch.add(line);
      if (!closed && !due(batch.size(), firstSeen, now)) {
        // Short naps while a batch fills, not one until its deadline, so that a full batch goes at once.
        LockSupport.parkNanos(batch.isEmpty() ? MAX_WAIT_NANOS : POLL_NANOS);
        continue;
      }
      if (send(batch)) {
        if (failingSince != 0) {
          LOG.log(Level.INFO, "api takes router logs again; {0} lines were dropped meanwhile",
              dropped.get() - droppedBefore);
        }
        failingSince = 0;
        batch.clear();
      } else {
        if (failingSince == 0) {
          failingSince = System.nanoTime();
          droppedBefore = dropped.get();
          LOG.log(Level.WARNING, "cannot send router logs to {0}; buffering, then dropping", endpoint);
        }
        if (closed) return;
        LockSupport.parkNanos(RETRY_NANOS); // retry pause while the api is away
      }
    }
  }

  /**
   * The batching rule: a batch goes when it is full or 100 ms after the last look at the queue that
   * found it empty (its oldest line came after that look). Full batches at high rates; at low rates no
   * line waits more than 100 ms plus one look at the queue.
   */
  static boolean due(int lines, long firstSeenNanos, long nowNanos) {
    return lines >= BATCH || lines > 0 && nowNanos - firstSeenNanos >= MAX_WAIT_NANOS;
  }

  private boolean send(List<LogBatch.Line> batch) {
    try {
      int status = poster.post(encoder.encode(batch), encoder.size());
      if (status / 100 == 4) {
        // The api refuses this batch (or our token): retrying cannot help, so drop it.
        if (!warnedRefused) LOG.log(Level.WARNING, "api refuses router logs with status {0}; dropping them", status);
        warnedRefused = true;
        dropped.addAndGet(batch.size());
        return true;
      }
      return status / 100 == 2;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(sender);
    try {
      sender.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
