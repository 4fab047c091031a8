package dev.hoist.build.gateway.repo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Another process on the same folder, for {@link RepoLockIT}: takes the lock on {@code args[0]},
 * says "holding", and lets go when its standard input ends.
 */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    try (RepoLock lock = RepoLock.acquire(Path.of(args[0]), Duration.ofSeconds(1), () -> {})) {
      System.out.println("holding");
      System.out.flush();
      while (System.in.read() >= 0) {
        // until the test closes our input
      }
    }
  }
}
