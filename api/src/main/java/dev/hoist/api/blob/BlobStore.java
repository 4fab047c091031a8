package dev.hoist.api.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where artifacts live: slugs, source tarballs, build caches. Keys are relative paths made by the
 * api ({@code slugs/<uuid>.tgz}), never raw user input.
 *
 * <p>Contract: {@link #put} is atomic — a reader sees the whole new blob or the old one, never a
 * part — and may be called from many threads at once. The local-directory implementation is the
 * default; an S3-compatible one takes its place when the platform spans machines.
 */
public interface BlobStore {
  /** Stores the file's content under {@code key}, replacing any blob there. */
  void put(String key, Path file) throws IOException;

  /** Opens the blob for reading, or empty when there is none. The caller closes the stream. */
  Optional<InputStream> open(String key) throws IOException;

  /** The blob's size in bytes, or empty when there is none. */
  Optional<Long> size(String key) throws IOException;

  /** Deletes the blob if it exists. */
  void delete(String key) throws IOException;

  /**
   * A scratch file for an upload in progress, on the same file system as the store when it has one.
   */
  Path scratch() throws IOException;
}
