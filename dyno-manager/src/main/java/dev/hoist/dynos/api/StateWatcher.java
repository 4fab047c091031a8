package dev.hoist.dynos.api;

import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-polls {@code GET /internal/state} on its own thread and hands every answer to a listener. On an
 * error it keeps the last state (the listener simply hears nothing new) and asks again after a backoff of
 * 0.5 s doubling to 10 s; the first answer after an error is a full one (no {@code since}).
 */
public final class StateWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StateWatcher.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(500);
  private static final Duration LAST_RETRY = Duration.ofSeconds(10);

  private final ApiClient api;
  private final Duration wait;
  private final Consumer<DesiredState> listener;
  private final Thread thread;
  private volatile boolean closed;

  public StateWatcher(ApiClient api, Duration wait, Consumer<DesiredState> listener) {
    this.api = api;
    this.wait = wait;
    this.listener = listener;
    this.thread = new Thread(this::run, "dynos-state-watch");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    Long since = null;
    Duration retry = FIRST_RETRY;
    boolean failing = false;
    while (!closed) {
      try {
        DesiredState state = api.state(since, wait);
        if (failing) log.info("the api answers again (revision {})", state.revision());
        failing = false;
        retry = FIRST_RETRY;
        since = state.revision();
        listener.accept(state);
      } catch (ApiException e) {
        if (closed) return;
        if (!failing) log.warn("cannot read the desired state, keeping the last one: {}", e.getMessage());
        failing = true;
        since = null;
        if (!pause(retry)) return;
        retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
      } catch (RuntimeException e) {
        log.error("desired-state listener failed", e);
        if (!pause(retry)) return;
      }
    }
  }

  private boolean pause(Duration d) {
    try {
      Thread.sleep(d.toMillis()); // a retry backoff, not a wait for a condition
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
