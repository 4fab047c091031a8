package dev.hoist.dynos.reconcile;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The boot check of web dynos: a TCP connect to {@code ip:$PORT} every {@code poll} until one
 * succeeds (up), the deadline passes (R10), or the dyno is no longer wanted (it exited or is being
 * stopped). A refused connection returns at once, so a dyno is seen up within one poll interval of
 * binding its port.
 */
final class BootProbe implements AutoCloseable {
  interface Outcome {
    void up();

    void timedOut();
  }

  private final ScheduledExecutorService timer =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "dynos-boot-probe");
            t.setDaemon(true);
            return t;
          });
  private final Duration poll;

  BootProbe(Duration poll) {
    this.poll = poll;
  }

  void watch(String ip, int port, long deadline, BooleanSupplier wanted, Outcome outcome) {
    timer.execute(() -> attempt(new InetSocketAddress(ip, port), deadline, wanted, outcome));
  }

  private void attempt(
      InetSocketAddress address, long deadline, BooleanSupplier wanted, Outcome outcome) {
    if (!wanted.getAsBoolean()) return;
    long left = deadline - System.currentTimeMillis();
    try (Socket s = new Socket()) {
      s.connect(address, (int) Math.max(1, Math.min(250, left)));
      outcome.up();
      return;
    } catch (IOException refused) {
      // not listening yet
    }
    if (System.currentTimeMillis() >= deadline) {
      if (wanted.getAsBoolean()) outcome.timedOut();
      return;
    }
    timer.schedule(
        () -> attempt(address, deadline, wanted, outcome), poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
