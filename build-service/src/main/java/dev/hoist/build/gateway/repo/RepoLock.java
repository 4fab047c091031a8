package dev.hoist.build.gateway.repo;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One app's repository lock, held across processes: an OS lock on a file next to the repository, so
 * gateways in other containers that mount the same folder queue up behind it too. The kernel drops
 * it when its process dies, so a killed gateway never leaves an app locked.
 *
 * <p>Within this JVM a plain lock is taken first, and only its holder opens the file. Java answers
 * a second lock on a file this JVM already locked with an exception rather than a wait, and on
 * Linux closing any channel of a file drops every lock the process holds on it: a second channel
 * opened and closed while the first holds the lock would silently free the app for other gateways.
 */
final class RepoLock implements AutoCloseable {
  /** JVM-wide, keyed by the lock file's real path: two gateways in one JVM share these too. */
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

  /**
   * The OS offers no timed wait for a file lock; a try every so often costs nothing beside a push.
   */
  private static final long FILE_POLL_MILLIS = 50;

  private final ReentrantLock inJvm;
  private final FileChannel channel;

  private RepoLock(ReentrantLock inJvm, FileChannel channel) {
    this.inJvm = inJvm;
    this.channel = channel;
  }

  /**
   * Waits for the lock on {@code file} (made if missing, never deleted: a waiter may hold it open),
   * running {@code whileWaiting} every {@code tick} until it has it.
   */
  static RepoLock acquire(Path file, Duration tick, Runnable whileWaiting)
      throws IOException, InterruptedException {
    ReentrantLock inJvm = IN_JVM.computeIfAbsent(file, f -> new ReentrantLock());
    while (!inJvm.tryLock(tick.toMillis(), TimeUnit.MILLISECONDS)) whileWaiting.run();
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      long nextTick = System.nanoTime() + tick.toNanos();
      while (channel.tryLock() == null) {
        Thread.sleep(FILE_POLL_MILLIS);
        if (System.nanoTime() - nextTick >= 0) {
          whileWaiting.run();
          nextTick += tick.toNanos();
        }
      }
      return new RepoLock(inJvm, channel);
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (channel != null) channel.close();
      inJvm.unlock();
      throw e;
    }
  }

  /** Closing the channel releases the file lock. Call from the thread that acquired. */
  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      inJvm.unlock();
    }
  }
}
