package dev.hoist.build.compiler;

import dev.hoist.build.Settings;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The slug compiler's settings, each with its default (see docs/deploying.md).
 *
 * @param buildpacksDir {@code hoist.build.buildpacks-dir} (also {@code HOIST_BUILDPACKS_DIR}): the
 *     shipped buildpacks with the driver {@code bin/build}; default: a {@code buildpacks} folder
 *     next to this jar or in one of the folders above it
 * @param workDir {@code hoist.build.work-dir}, default the JVM's temp folder: scratch folders go
 *     here
 * @param maxDisk {@code hoist.build.max-disk-mb}, default 4096: a build whose scratch folder grows
 *     past this is stopped and failed
 * @param maxMemoryMb {@code hoist.build.max-memory-mb}, default 0 (off): {@code ulimit -v} for the
 *     build's processes. Off by default because the JVM and V8 reserve far more address space than
 *     they use; the builder dyno's own memory limit is the real bound
 * @param claimWait {@code hoist.build.claim-wait-seconds}, default 30: the long-poll for work
 * @param buildUid {@code hoist.build.uid} ({@code HOIST_BUILD_UID}), default 0 (unset): the uid
 *     builds run as when the compiler is root (see {@link BuildUser})
 */
public record CompilerSettings(
    Path buildpacksDir,
    Path workDir,
    long maxDisk,
    long maxMemoryMb,
    Duration claimWait,
    int buildUid) {

  public static CompilerSettings from(Settings s) {
    String alias = s.env("HOIST_BUILDPACKS_DIR");
    String configured =
        s.string("hoist.build.buildpacks-dir", alias == null || alias.isBlank() ? null : alias);
    Path buildpacks = configured != null ? Path.of(configured).toAbsolutePath() : besideJar();
    return new CompilerSettings(
        buildpacks,
        s.path("hoist.build.work-dir", Path.of(System.getProperty("java.io.tmpdir"))),
        s.number("hoist.build.max-disk-mb", 4096) * 1024 * 1024,
        s.number("hoist.build.max-memory-mb", 0),
        s.duration("hoist.build.claim-wait-seconds", Duration.ofSeconds(30)),
        s.integer("hoist.build.uid", 0));
  }

  /**
   * {@code buildpacks/} in the jar's folder or the nearest one above it that has {@code bin/build};
   * else {@code buildpacks/} in the working directory (a builder dyno's /app).
   */
  static Path besideJar() {
    List<Path> starts = new ArrayList<>();
    try {
      starts.add(
          Path.of(
              CompilerSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException | RuntimeException e) {
      // inside Spring Boot's exec jar the location is a nested URL; the class path names the jar
    }
    for (String entry :
        System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) starts.add(Path.of(entry).toAbsolutePath());
    }
    for (Path start : starts) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve("buildpacks");
        if (Files.isRegularFile(candidate.resolve("bin").resolve("build"))) return candidate;
      }
    }
    return Path.of("buildpacks").toAbsolutePath();
  }

  /** The driver script. */
  public Path driver() {
    return buildpacksDir.resolve("bin").resolve("build");
  }
}
