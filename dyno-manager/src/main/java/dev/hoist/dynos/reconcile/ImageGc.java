package dev.hoist.dynos.reconcile;

import dev.hoist.dynos.scheduler.Observed;
import dev.hoist.dynos.scheduler.Scheduler;
import dev.hoist.dynos.scheduler.SchedulerException;
import dev.hoist.dynos.scheduler.SlugImage;
import dev.hoist.internal.state.DesiredState;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes prepared slug images that no current release and no container has used for {@code after}.
 * It looks at most once a minute (or once per {@code after}, when shorter); a rollback to a removed
 * slug prepares it again. The images of platform releases ({@code kept}: the current and every
 * release in the checkpoint) are never removed.
 */
final class ImageGc {
  private static final Logger log = LoggerFactory.getLogger(ImageGc.class);

  private final Scheduler scheduler;
  private final Executor pool;
  private final Consumer<String> forget;
  private final Supplier<Set<String>> kept;
  private final long afterMs;
  private final long everyMs;
  private final Map<String, Long> unusedSince = new HashMap<>();
  private long lastRun;

  ImageGc(
      Scheduler scheduler,
      Executor pool,
      Consumer<String> forget,
      Supplier<Set<String>> kept,
      Duration after) {
    this.scheduler = scheduler;
    this.pool = pool;
    this.forget = forget;
    this.kept = kept;
    this.afterMs = after.toMillis();
    this.everyMs = Math.min(60_000, afterMs);
  }

  /** Called by each pass (on the reconciler thread). */
  void run(DesiredState state, Iterable<Observed> containers, long now) {
    if (now - lastRun < everyMs) return;
    lastRun = now;
    Set<String> used = new HashSet<>(kept.get());
    for (var app : state.apps()) {
      app.slug().ifPresent(s -> used.add(s.id()));
      app.oneOffs().stream()
          .map(app::releaseOf)
          .filter(r -> r != null && r.slug() != null)
          .forEach(r -> used.add(r.slug().id()));
    }
    containers.forEach(c -> used.add(c.slugId()));
    Set<String> seen = new HashSet<>();
    for (SlugImage image : scheduler.images()) {
      seen.add(image.slugId());
      if (used.contains(image.slugId())) {
        unusedSince.remove(image.slugId());
      } else if (now - unusedSince.computeIfAbsent(image.slugId(), id -> now) >= afterMs) {
        unusedSince.remove(image.slugId());
        pool.execute(() -> remove(image));
      }
    }
    unusedSince.keySet().retainAll(seen);
  }

  private void remove(SlugImage image) {
    try {
      forget.accept(image.slugId());
      if (scheduler.removeImage(image))
        log.info("removed {}, unused for {} s", image.image(), afterMs / 1000);
    } catch (SchedulerException e) {
      log.warn("cannot remove {}: {}", image.image(), e.getMessage());
    }
  }
}
