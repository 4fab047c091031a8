package dev.hoist.dynos.reconcile;

import dev.hoist.dynos.scheduler.Prepared;
import dev.hoist.dynos.scheduler.Scheduler;
import dev.hoist.dynos.scheduler.SlugRef;
import dev.hoist.internal.Blobs;
import dev.hoist.internal.state.DesiredState.Slug;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Which slugs are ready to run. A pass warms the slug of every current release in the background,
 * so that a later scale-up or one-off finds the image prepared; a start blocks on the same
 * preparation if it is not.
 */
final class SlugPreps {
  private final Scheduler scheduler;
  private final Blobs blobs;
  private final Executor pool;
  private final Set<String> ready = ConcurrentHashMap.newKeySet();
  private final Set<String> warming = ConcurrentHashMap.newKeySet();

  SlugPreps(Scheduler scheduler, Blobs blobs, Executor pool) {
    this.scheduler = scheduler;
    this.blobs = blobs;
    this.pool = pool;
  }

  Prepared ensure(Slug slug, String stack) {
    String key = key(slug.id(), stack);
    if (ready.contains(key)) return new Prepared.Ready();
    Prepared p =
        scheduler.prepare(
            new SlugRef(slug.id(), slug.checksum(), stack), () -> blobs.open(slug.blobUrl()));
    if (p instanceof Prepared.Ready) ready.add(key);
    return p;
  }

  private static String key(String slugId, String stack) {
    return slugId + "@" + stack;
  }

  /**
   * Prepares in the background unless ready or already under way; failures show when a dyno starts.
   */
  void warm(Slug slug, String stack) {
    String key = key(slug.id(), stack);
    if (ready.contains(key) || !warming.add(key)) return;
    pool.execute(
        () -> {
          try {
            ensure(slug, stack);
          } catch (RuntimeException ignored) {
            // a start of this slug meets the same failure and reports it
          } finally {
            warming.remove(key);
          }
        });
  }

  /** Forgets the slug on every stack: its images are being removed. */
  void forget(String slugId) {
    ready.removeIf(k -> k.startsWith(slugId + "@"));
  }
}
