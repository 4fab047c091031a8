package dev.hoist.build.compiler;

import dev.hoist.internal.InternalApiException;
import dev.hoist.internal.builds.BuilderApi;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A build's output on its way to the api: lines are collected and sent in order, a batch every ~100
 * ms, by one thread, so users see them live without one request per line. A batch the api could not
 * take is sent again (order is kept); one it refused (4xx: the build is no longer ours) is dropped.
 * When nothing was said for a while an empty batch goes out, which tells the api the builder is
 * alive (it fails builds that are silent for 120 s).
 */
final class OutputSink implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutputSink.class);
  static final Duration INTERVAL = Duration.ofMillis(100);
  private static final Duration RETRY = Duration.ofSeconds(1);
  private static final Duration HEARTBEAT = Duration.ofSeconds(30);
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);
  private static final int MAX_LINE_CHARS = 10_000;

  private final BuilderApi api;
  private final String buildId;
  private final List<String> pending = new ArrayList<>();
  private final Thread sender;
  private volatile boolean closing;
  private String last = "";

  OutputSink(BuilderApi api, String buildId) {
    this.api = api;
    this.buildId = buildId;
    this.sender = new Thread(this::sendLoop, "build-output-" + buildId);
    sender.setDaemon(true);
    sender.start();
  }

  /** Queues one line (longer ones are cut, as the log stream does). */
  synchronized void line(String text) {
    String line = text.length() > MAX_LINE_CHARS ? text.substring(0, MAX_LINE_CHARS) : text;
    pending.add(line);
    last = line;
  }

  /** The last line queued: a failed driver says why there. */
  synchronized String lastLine() {
    return last;
  }

  /**
   * Sends what is queued and stops; returns once the api has every line (or gave up after a while).
   */
  @Override
  public void close() {
    closing = true;
    sender.interrupt();
    try {
      sender.join(DRAIN_LIMIT.toMillis() + 5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sendLoop() {
    long lastSent = System.nanoTime();
    long drainDeadline = Long.MAX_VALUE;
    while (true) {
      if (closing && drainDeadline == Long.MAX_VALUE)
        drainDeadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
      List<String> batch = take();
      boolean quiet = System.nanoTime() - lastSent > HEARTBEAT.toNanos();
      long pause = INTERVAL.toMillis();
      if (!batch.isEmpty() || quiet) {
        if (send(batch)) {
          lastSent = System.nanoTime();
        } else {
          putBack(batch);
          pause = RETRY.toMillis();
        }
      }
      if (closing && (isEmpty() || System.nanoTime() > drainDeadline)) return;
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        // close() wakes us to drain at once
      }
    }
  }

  /** True when the batch is done with (sent, or refused for good). */
  private boolean send(List<String> batch) {
    try {
      if (batch.isEmpty()) api.heartbeat(buildId);
      else api.output(buildId, batch);
      return true;
    } catch (InternalApiException e) {
      if (e.status() >= 400 && e.status() < 500) {
        log.warn(
            "the api refused output of build {} ({}): {} lines dropped",
            buildId,
            e.status(),
            batch.size());
        return true;
      }
      log.warn("could not send output of build {}: {}", buildId, e.getMessage());
      return false;
    } catch (IOException e) {
      log.warn("could not send output of build {}: {}", buildId, e.toString());
      return false;
    }
  }

  private synchronized List<String> take() {
    List<String> batch = new ArrayList<>(pending);
    pending.clear();
    return batch;
  }

  private synchronized void putBack(List<String> batch) {
    pending.addAll(0, batch);
  }

  private synchronized boolean isEmpty() {
    return pending.isEmpty();
  }
}
