package dev.hoist.router.log;

import io.netty.util.concurrent.FastThreadLocal;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Batches router lines to {@code POST {api}/internal/logs} (source {@code hoist}, dyno {@code
 * router}), in its text form ({@link LogBatch}).
 *
 * <p>Each event loop writes its lines' text at once into a buffer of its own ({@link ThreadLines}),
 * which holds up to {@code capacity} lines. One sender thread takes what every loop has written and
 * posts up to 500 lines per request: as soon as 500 are there, or once the oldest has waited 100 ms
 * ({@link #due}), so that at high rates every request carries a full batch. While the api is
 * unreachable the sender holds its batch and retries, the loops' buffers fill, and further lines
 * are dropped and counted ({@link #dropped()}): losing log lines is better than slowing requests or
 * growing without bound. The outage is logged once, with the count at its end.
 */
public final class ApiLogSink implements LogSink {
  private static final System.Logger LOG = System.getLogger(ApiLogSink.class.getName());
  static final int BATCH = 500;
  static final long MAX_WAIT_NANOS = 100_000_000L;
  // How often the sender looks at the loops' buffers while a batch is filling: lines are taken at
  // most
  // this late, and the default buffer of 20,000 lines holds what 2 million requests a second leave
  // in
  // this time. With nothing waiting it looks every MAX_WAIT_NANOS instead, so an idle router does
  // not
  // wake 100 times a second.
  private static final long POLL_NANOS = 10_000_000L;
  private static final long RETRY_NANOS = 1_000_000_000L;

  private final int capacity;
  private final FastThreadLocal<ThreadLines> mine =
      new FastThreadLocal<>() {
        @Override
        protected ThreadLines initialValue() {
          ThreadLines lines = new ThreadLines(capacity);
          writers.add(lines);
          return lines;
        }
      };
  private final List<ThreadLines> writers = new CopyOnWriteArrayList<>();
  private final AtomicLong refusedBatches = new AtomicLong(); // lines in batches the api refused
  private final URI endpoint;
  private final LogPoster poster;
  private volatile boolean warnedRefused;
  private final Thread sender;
  private volatile boolean closed;

  /**
   * @param capacity lines each logging thread holds while the api is slow, then drops
   */
  public ApiLogSink(String apiUrl, String token, int capacity) {
    String base = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    this.endpoint = URI.create(base + "internal/logs?" + LogBatch.QUERY);
    this.poster = new LogPoster(endpoint, token);
    this.capacity = capacity;
    this.sender = new Thread(this::run, "hoist-router-logs");
    sender.setDaemon(true);
    sender.start();
  }

  @Override
  public void log(String app, RouterLogLine line) {
    mine.get().add(app, line);
  }

  /** Lines lost: refused by a full buffer, or in a batch the api refused. */
  public long dropped() {
    long n = refusedBatches.get();
    for (ThreadLines writer : writers) n += writer.refused();
    return n;
  }

  private void run() {
    try {
      sendUntilClosed();
    } finally {
      poster.close();
    }
  }

  private void sendUntilClosed() {
    LogBatch batch = new LogBatch();
    LogBatch spare = new LogBatch();
    long firstSeen = 0; // the last look that found nothing: the batch's oldest line came after it
    long lastLook = System.nanoTime();
    long failingSince = 0;
    long droppedBefore = 0;
    while (true) {
      boolean closing = closed; // read before the look: lines logged before close() are in it
      long now = System.nanoTime();
      if (batch.lines() == 0) firstSeen = lastLook;
      lastLook = now;
      // Only while the batch is short: during an outage the loops' buffers, not this one, fill and
      // drop.
      if (batch.lines() < BATCH) {
        for (ThreadLines writer : writers) {
          LogBatch taken = writer.swap(spare);
          batch.takeAll(taken);
          spare = taken;
        }
      }
      if (batch.lines() == 0 && closing) return;
      if (!closing && !due(batch.lines(), firstSeen, now)) {
        // Short naps while a batch fills, not one until its deadline, so that a full batch goes at
        // once.
        LockSupport.parkNanos(batch.lines() == 0 ? MAX_WAIT_NANOS : POLL_NANOS);
        continue;
      }
      int lines = Math.min(batch.lines(), BATCH);
      if (send(batch, lines)) {
        if (failingSince != 0) {
          LOG.log(
              Level.INFO,
              "api takes router logs again; {0} lines were dropped meanwhile",
              dropped() - droppedBefore);
        }
        failingSince = 0;
        batch.dropFirst(lines);
      } else {
        if (failingSince == 0) {
          failingSince = System.nanoTime();
          droppedBefore = dropped();
          LOG.log(
              Level.WARNING, "cannot send router logs to {0}; buffering, then dropping", endpoint);
        }
        if (closing) return;
        LockSupport.parkNanos(RETRY_NANOS); // retry pause while the api is away
      }
    }
  }

  /**
   * The batching rule: a batch goes when it is full or 100 ms after the last look at the buffers
   * that found it empty (its oldest line came after that look). Full batches at high rates; at low
   * rates no line waits more than 100 ms plus one look at the buffers.
   */
  static boolean due(int lines, long firstSeenNanos, long nowNanos) {
    return lines >= BATCH || lines > 0 && nowNanos - firstSeenNanos >= MAX_WAIT_NANOS;
  }

  /** Posts the batch's first {@code lines} lines. */
  private boolean send(LogBatch batch, int lines) {
    try {
      int status = poster.post(batch.bytes(), batch.sizeOf(lines));
      if (status / 100 == 4) {
        // The api refuses this batch (or our token): retrying cannot help, so drop it.
        if (!warnedRefused)
          LOG.log(Level.WARNING, "api refuses router logs with status {0}; dropping them", status);
        warnedRefused = true;
        refusedBatches.addAndGet(lines);
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
