package dev.hoist.dynos.reconcile;

import dev.hoist.dynos.checkpoint.SlugStore;
import dev.hoist.dynos.scheduler.Prepared;
import dev.hoist.dynos.scheduler.Scheduler;
import dev.hoist.dynos.scheduler.SlugRef;
import dev.hoist.internal.Blobs;
import dev.hoist.internal.state.DesiredState.Slug;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which slugs are ready to run. A pass warms the slug of every current release in the background,
 * so that a later scale-up or one-off finds the image prepared; a start blocks on the same
 * preparation if it is not.
 *
 * <p>The slugs of platform releases ({@code kept}) are first copied to the {@link SlugStore} while
 * their signed URL is good, and their images are made from that copy: with the api gone, an image
 * that is gone too is made again from disk.
 */
final class SlugPreps {
  private static final Logger log = LoggerFactory.getLogger(SlugPreps.class);

  private final Scheduler scheduler;
  private final Blobs blobs;
  private final SlugStore store;
  private final Predicate<String> kept;
  private final Executor pool;
  private final Set<String> ready = ConcurrentHashMap.newKeySet();
  private final Set<String> warming = ConcurrentHashMap.newKeySet();
  private final Set<String> uncopied = ConcurrentHashMap.newKeySet();

  SlugPreps(
      Scheduler scheduler, Blobs blobs, SlugStore store, Predicate<String> kept, Executor pool) {
    this.scheduler = scheduler;
    this.blobs = blobs;
    this.store = store;
    this.kept = kept;
    this.pool = pool;
  }

  Prepared ensure(Slug slug, String stack) {
    String key = key(slug.id(), stack);
    if (ready.contains(key)) return new Prepared.Ready();
    Prepared p =
        scheduler.prepare(new SlugRef(slug.id(), slug.checksum(), stack), () -> open(slug));
    if (p instanceof Prepared.ChecksumMismatch && kept.test(slug.id()))
      store.delete(slug.id()); // a copy damaged on disk: the next try downloads it again
    if (p instanceof Prepared.Ready) ready.add(key);
    return p;
  }

  /**
   * The archive an image is made from, called only when the image must be made: a platform slug's
   * copy on disk, copied first while its signed URL is good; any other slug from the api.
   */
  private InputStream open(Slug slug) throws IOException {
    if (!kept.test(slug.id())) return blobs.open(slug.blobUrl());
    if (!store.has(slug.id()) && copy(slug) instanceof Prepared.ChecksumMismatch) {
      return blobs.open(slug.blobUrl()); // the image's own check reports it (R17)
    }
    return store.has(slug.id()) ? store.open(slug.id()) : blobs.open(slug.blobUrl());
  }

  /**
   * Copies a platform slug to disk; a failure (the api is down, and the image may well be there) is
   * logged once per slug, and tried again at the next warm or image.
   */
  private Prepared copy(Slug slug) {
    Prepared p = store.store(slug.id(), slug.checksum(), () -> blobs.open(slug.blobUrl()));
    if (p instanceof Prepared.Ready) {
      uncopied.remove(slug.id());
    } else if (uncopied.add(slug.id())) {
      log.warn("cannot keep a copy of the platform slug {} on disk yet: {}", slug.id(), p);
    }
    return p;
  }

  private static String key(String slugId, String stack) {
    return slugId + "@" + stack;
  }

  /**
   * Prepares in the background unless ready or already under way, and copies a platform slug to
   * disk if it is not there yet (its image may have been made before); failures show when a dyno
   * starts. Never in a start's way: a start whose image exists does not wait for a copy.
   */
  void warm(Slug slug, String stack) {
    String key = key(slug.id(), stack);
    boolean copyMissing = kept.test(slug.id()) && !store.has(slug.id());
    if ((ready.contains(key) && !copyMissing) || !warming.add(key)) return;
    pool.execute(
        () -> {
          try {
            if (copyMissing) copy(slug);
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
