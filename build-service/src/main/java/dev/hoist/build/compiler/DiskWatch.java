package dev.hoist.build.compiler;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.BooleanSupplier;

/**
 * Is the build's scratch folder over its disk limit? Measured by walking it (files come and go
 * under our feet; those are skipped), at most once a second and never more than a fifth of the
 * time, so a build with a huge node_modules is not slowed by its own watchdog.
 */
final class DiskWatch implements BooleanSupplier {
  private static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

  private final Path dir;
  private final long maxBytes;
  private long nextCheck;
  private long used;

  DiskWatch(Path dir, long maxBytes) {
    this.dir = dir;
    this.maxBytes = maxBytes;
  }

  /** True once the folder holds more than the limit. */
  @Override
  public boolean getAsBoolean() {
    long now = System.nanoTime();
    if (now < nextCheck) return used > maxBytes;
    used = measure();
    long took = System.nanoTime() - now;
    nextCheck = System.nanoTime() + Math.max(MIN_INTERVAL_NANOS, 4 * took);
    return used > maxBytes;
  }

  long used() {
    return used;
  }

  long measure() {
    long[] total = {0};
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) total[0] += attrs.size();
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // the walk itself failed: keep the last figure
      return used;
    }
    return total[0];
  }
}
