package dev.hoist.dynos.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import dev.hoist.dynos.scheduler.Labels;
import dev.hoist.dynos.scheduler.Scheduler;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the engine's container events of one scope and calls back on each start, die, OOM and
 * destroy. When the event stream breaks (engine restart) it subscribes again after a second; the
 * periodic reconcile pass covers whatever happened in between, so no event is needed exactly once.
 */
final class EventWatch implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(EventWatch.class);

  private final DockerClient docker;
  private final String scope;
  private final Scheduler.Listener listener;
  private final ScheduledExecutorService retry =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "dynos-events-retry");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean closed;
  private volatile Closeable current;

  EventWatch(DockerClient docker, String scope, Scheduler.Listener listener) {
    this.docker = docker;
    this.scope = scope;
    this.listener = listener;
  }

  EventWatch start() {
    subscribe();
    return this;
  }

  private void subscribe() {
    if (closed) return;
    current =
        docker
            .eventsCmd()
            .withEventTypeFilter(EventType.CONTAINER)
            .withEventFilter("start", "die", "oom", "destroy")
            .withLabelFilter(Map.of(Labels.SCOPE, scope))
            .exec(
                new ResultCallback.Adapter<Event>() {
                  @Override
                  public void onNext(Event event) {
                    listener.changed(event.getId(), !"start".equals(event.getAction()));
                  }

                  @Override
                  public void onError(Throwable error) {
                    if (!closed)
                      log.warn(
                          "Docker event stream broke, following it again: {}", error.toString());
                    try {
                      close();
                    } catch (IOException ignored) {
                      // the stream is broken already
                    }
                    again();
                  }

                  @Override
                  public void onComplete() {
                    super.onComplete();
                    again();
                  }
                });
  }

  private void again() {
    if (!closed) retry.schedule(this::subscribe, 1, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws IOException {
    closed = true;
    retry.shutdownNow();
    Closeable c = current;
    if (c != null) c.close();
  }
}
