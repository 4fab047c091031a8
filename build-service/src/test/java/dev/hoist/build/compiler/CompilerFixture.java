package dev.hoist.build.compiler;

import dev.hoist.build.archive.TarPacker;
import dev.hoist.build.testing.FakeApi;
import dev.hoist.internal.InternalApi;
import dev.hoist.internal.builds.BuildRecords.AppRef;
import dev.hoist.internal.builds.BuildRecords.Finish;
import dev.hoist.internal.builds.BuildRecords.Job;
import dev.hoist.internal.builds.BuilderApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A slug compiler started in-process against a {@link FakeApi}, with a scratch area of its own, and
 * jobs made from a folder of files the way the gateway would (a source tarball in the blob store).
 */
final class CompilerFixture implements AutoCloseable {
  final FakeApi api;
  final Path work;
  final SlugCompiler compiler;
  private final Path root;

  CompilerFixture(Path root, Path buildpacks, long maxDiskMb) throws Exception {
    this(root, buildpacks, maxDiskMb, 0, 0);
  }

  /**
   * {@code buildUid}: the uid builds run as when the tests run as root, 0 for the compiler's own.
   */
  CompilerFixture(Path root, Path buildpacks, long maxDiskMb, long maxMemoryMb, int buildUid)
      throws Exception {
    this.root = root;
    this.api = new FakeApi();
    this.work = Files.createDirectories(root.resolve("work"));
    CompilerSettings settings =
        new CompilerSettings(
            buildpacks,
            work,
            maxDiskMb * 1024 * 1024,
            maxMemoryMb,
            Duration.ofSeconds(1),
            buildUid);
    this.compiler =
        SlugCompiler.start(settings, new BuilderApi(new InternalApi(api.url(), FakeApi.TOKEN)));
  }

  /** The real driver of the repository's buildpacks, or null when that folder is not there. */
  static Path realBuildpacks() {
    Path dir = Path.of(System.getProperty("user.dir")).resolve("../buildpacks").normalize();
    return Files.isExecutable(dir.resolve("bin/build")) ? dir : null;
  }

  /** A stand-in driver: {@code bin/build} with this bash body, in a folder of its own. */
  static Path standIn(Path root, String body) throws Exception {
    Path bin = Files.createDirectories(root.resolve("standin-" + UUID.randomUUID()).resolve("bin"));
    Path build = bin.resolve("build");
    Files.writeString(build, "#!/usr/bin/env bash\nset -uo pipefail\n" + body + "\n");
    Files.setPosixFilePermissions(build, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin.getParent();
  }

  /** Queues a build of these files; returns the build id. */
  String enqueue(Map<String, String> files, Map<String, String> config, int timeoutSeconds)
      throws Exception {
    String id = UUID.randomUUID().toString();
    Path src = Files.createDirectories(root.resolve("app-" + id));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.createDirectories(src.resolve(f.getKey()).getParent());
      Files.writeString(src.resolve(f.getKey()), f.getValue());
    }
    Path tgz = root.resolve("source-" + id + ".tgz");
    TarPacker.pack(src, tgz, "");
    api.blobs.put("sources/" + id + ".tgz", Files.readAllBytes(tgz));
    String appId = UUID.randomUUID().toString();
    String cache = api.blobUrl("caches/" + appId + ".tgz");
    api.builds.enqueue(
        new Job(
            id,
            new AppRef(appId, "built-app"),
            api.blobUrl("sources/" + id + ".tgz"),
            "0123456789abcdef0123456789abcdef01234567",
            cache,
            cache,
            config,
            List.of(),
            "heroku-24-hoist",
            timeoutSeconds,
            50L * 1024 * 1024));
    return id;
  }

  Finish awaitFinish(String id) throws InterruptedException {
    return api.builds.awaitFinish(id, Duration.ofMinutes(3));
  }

  List<String> output(String id) {
    return api.builds.output.get(id);
  }

  @Override
  public void close() {
    compiler.close();
    api.close();
  }
}
