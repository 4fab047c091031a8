package dev.hoist.dynos.checkpoint;

import dev.hoist.dynos.scheduler.Prepared;
import dev.hoist.dynos.scheduler.SlugDownload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies of the platform apps' slug archives on disk ({@code $home/dynos/slugs/<slug id>.tgz}), so
 * that their images can be made again while the api, and with it every signed blob URL, is gone. A
 * copy is written to a temporary file, checked against the slug's checksum, synced and renamed, so
 * a file under its final name is always a whole, verified archive. Thread-safe; one download per
 * slug at a time.
 */
public final class SlugStore {
  private static final Logger log = LoggerFactory.getLogger(SlugStore.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
  private static final String SUFFIX = ".tgz";
  private static final String TEMP = ".tmp";

  private final Path dir;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  public SlugStore(Path dir) {
    this.dir = dir;
  }

  /** Whether a verified copy of the slug is on disk. */
  public boolean has(String slugId) {
    return valid(slugId) && Files.isRegularFile(file(slugId));
  }

  /** Opens the copy; the caller closes it. */
  public InputStream open(String slugId) throws IOException {
    if (!valid(slugId)) throw new IOException("not a slug id: " + slugId);
    return Files.newInputStream(file(slugId));
  }

  /**
   * Downloads the slug unless a copy is there; the copy is kept only when it matches {@code
   * checksum} ({@code SHA256:<hex>}; blank: not checked).
   */
  public Prepared store(String slugId, String checksum, SlugDownload download) {
    if (!valid(slugId)) return new Prepared.Failed("not a slug id: " + slugId);
    ReentrantLock lock = locks.computeIfAbsent(slugId, k -> new ReentrantLock());
    lock.lock();
    try {
      if (has(slugId)) return new Prepared.Ready();
      return download(slugId, checksum, download);
    } finally {
      lock.unlock();
    }
  }

  private Prepared download(String slugId, String checksum, SlugDownload download) {
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, slugId + SUFFIX + ".", TEMP);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = download.open();
          OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
        in.transferTo(out);
      }
      CheckpointFile.sync(temp);
      String actual = "SHA256:" + HexFormat.of().formatHex(sha.digest());
      if (checksum != null && !checksum.isBlank() && !checksum.equalsIgnoreCase(actual)) {
        return new Prepared.ChecksumMismatch(checksum, actual);
      }
      Files.move(temp, file(slugId), StandardCopyOption.ATOMIC_MOVE);
      temp = null;
      CheckpointFile.syncDirectory(dir);
      log.info("kept a copy of slug {} on disk", slugId);
      return new Prepared.Ready();
    } catch (IOException e) {
      return new Prepared.Failed("cannot keep a copy of the slug: " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    } finally {
      if (temp != null) deleteQuietly(temp);
    }
  }

  /** A copy that turned out damaged: the next try downloads it again. */
  public void delete(String slugId) {
    if (valid(slugId)) deleteQuietly(file(slugId));
  }

  /**
   * Deletes every copy not in {@code slugIds}, and the leftovers of downloads cut short (call it
   * with no download under way for those, e.g. at start, or with the ids being downloaded kept).
   */
  public void retain(Set<String> slugIds) {
    if (!Files.isDirectory(dir)) return;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        int end = name.indexOf(SUFFIX);
        String id = end < 0 ? name : name.substring(0, end);
        ReentrantLock lock = locks.get(id);
        boolean downloading = lock != null && lock.isLocked();
        if (downloading) continue;
        if (!slugIds.contains(id) || !name.endsWith(SUFFIX)) deleteQuietly(f);
        if (!slugIds.contains(id)) locks.remove(id);
      }
    } catch (IOException e) {
      log.warn("cannot tidy the slug copies in {}: {}", dir, e.getMessage());
    }
  }

  private Path file(String slugId) {
    return dir.resolve(slugId + SUFFIX);
  }

  /** Slug ids become file names: nothing that could leave the folder. */
  private static boolean valid(String slugId) {
    return slugId != null && ID.matcher(slugId).matches() && !slugId.contains("..");
  }

  private static void deleteQuietly(Path f) {
    try {
      Files.deleteIfExists(f);
    } catch (IOException e) {
      log.warn("cannot delete {}: {}", f, e.getMessage());
    }
  }
}
