package dev.hoist.build.compiler;

import dev.hoist.build.archive.TarPacker;
import dev.hoist.build.archive.TarUnpacker;
import dev.hoist.internal.builds.BuildRecords.Job;
import dev.hoist.internal.builds.BuilderApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The app's build cache (CACHE_DIR) between builds, as a gzip tar in the blob store. It only ever
 * speeds a build up: a cache that cannot be read or saved is a warning line, never a failed build.
 */
final class BuildCache {
  private BuildCache() {}

  static void restore(BuilderApi api, Job job, Scratch scratch, OutputSink out) throws IOException {
    if (job.cacheGetUrl() == null) return;
    Path archive = scratch.file("cache-in.tgz");
    try {
      if (api.blobs().download(job.cacheGetUrl(), archive))
        TarUnpacker.unpack(archive, scratch.cache);
    } catch (TarUnpacker.BadArchiveException e) {
      out.line(
          " !     Warning: the build cache could not be read ("
              + e.getMessage()
              + "); building without it");
      Scratch.delete(scratch.cache);
      Files.createDirectory(scratch.cache);
    } finally {
      Files.deleteIfExists(archive);
    }
  }

  static void save(BuilderApi api, Job job, Scratch scratch, OutputSink out) throws IOException {
    if (job.cachePutUrl() == null || !Files.isDirectory(scratch.cache)) return;
    Path archive = scratch.file("cache-out.tgz");
    try {
      TarPacker.pack(scratch.cache, archive, "");
      api.blobs().upload(job.cachePutUrl(), archive, "application/gzip");
    } catch (IOException e) {
      out.line(" !     Warning: the build cache was not saved (" + e.getMessage() + ")");
    } finally {
      Files.deleteIfExists(archive);
    }
  }
}
