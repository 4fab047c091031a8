package dev.hoist.router.route;

import com.fasterxml.jackson.core.JacksonException;
import dev.hoist.internal.WireJson;
import dev.hoist.internal.routes.RouteSnapshot;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The last route table the api gave, on disk ({@code hoist.router.snapshot}), so a router that
 * starts while the api is down serves the platform's apps at once instead of waiting for it. The
 * file holds the api's answer as it came ({@code GET /internal/routes}), the same JSON a {@code
 * routes-file} takes.
 *
 * <p>Writes are atomic: a temporary file beside the snapshot, forced to disk, renamed over it (then
 * the folder forced, for the rename). A reader, or a router killed mid-write, sees the old table or
 * the new one, never half of one; two routers sharing the file (an old and a new one during a
 * deploy) each rename a whole file of their own, and the last one wins.
 *
 * <p>Writes are coalesced: {@link #save} only notes the table and, unless a write is already due,
 * asks for one {@link #COALESCE} later on the writer's thread, which takes whatever table is newest
 * by then. A burst of route changes costs one write, and the watch that calls {@code save} never
 * waits for a disk. A write that fails is logged once per streak of failures; the router goes on
 * serving, and the next change tries again.
 */
public final class SnapshotFile implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SnapshotFile.class.getName());

  /** How long a change waits for the ones behind it before it is written. */
  static final Duration COALESCE = Duration.ofMillis(100);

  private final Path path;
  private final Consumer<Runnable> later;
  private final ScheduledExecutorService writer;
  private final AtomicReference<RouteSnapshot> pending = new AtomicReference<>();
  private boolean failing; // guarded by this

  /** A snapshot at {@code path}, written on a thread of its own. */
  public SnapshotFile(Path path) {
    this.path = path.toAbsolutePath();
    this.writer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "route-snapshot");
              t.setDaemon(true);
              return t;
            });
    this.later = write -> writer.schedule(write, COALESCE.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * For tests: {@code later} is handed each write that {@link #save} asks for, to run when told.
   */
  SnapshotFile(Path path, Consumer<Runnable> later) {
    this.path = path.toAbsolutePath();
    this.writer = null;
    this.later = later;
  }

  public Path path() {
    return path;
  }

  /**
   * The table last written, or null when there is none yet, or when the file cannot be read or is
   * no route table: that is logged and the file ignored (the api's next table replaces it).
   */
  public RouteSnapshot read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "cannot read the route snapshot {0} ({1}); ignoring it", path, e);
      return null;
    }
    try {
      RouteSnapshot snapshot = WireJson.MAPPER.readValue(bytes, RouteSnapshot.class);
      if (snapshot != null && snapshot.complete()) return snapshot;
    } catch (JacksonException e) {
      // as below: not a route table
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot read the route snapshot {0} ({1}); ignoring it", path, e);
      return null;
    }
    LOG.log(
        Level.WARNING,
        "the route snapshot {0} is no route table ({1} bytes); ignoring it",
        path,
        bytes.length);
    return null;
  }

  /** Notes a complete table from the api, to be written soon; a newer one before then wins. */
  public void save(RouteSnapshot snapshot) {
    if (pending.getAndSet(snapshot) == null) later.accept(this::writePending);
  }

  /** Writes the newest table noted and not yet written, if any. */
  synchronized void writePending() {
    RouteSnapshot snapshot = pending.getAndSet(null);
    if (snapshot == null) return;
    try {
      write(snapshot);
      if (failing) LOG.log(Level.INFO, "the route snapshot {0} is written again", path);
      failing = false;
    } catch (IOException | RuntimeException e) {
      if (!failing) {
        LOG.log(
            Level.WARNING,
            "cannot write the route snapshot {0} ({1}); serving on, trying again at the next change",
            path,
            e);
      }
      failing = true;
    }
  }

  private void write(RouteSnapshot snapshot) throws IOException {
    byte[] bytes = WireJson.MAPPER.writeValueAsBytes(snapshot);
    Path dir = path.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, path.getFileName() + ".", ".tmp");
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) out.write(buffer);
        out.force(true);
      }
      Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp); // gone already unless the write or the rename failed
    }
    forceFolder(dir);
  }

  /**
   * The rename is durable only once the folder's entry is on disk. Best effort: not every file
   * system lets a folder be opened for this, and the file itself is already safe.
   */
  private static void forceFolder(Path dir) {
    try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException | RuntimeException e) {
      // the new table is written; only a crash in the next moments could lose the rename
    }
  }

  /** Writes a table still waiting for its turn, then stops the writer. */
  @Override
  public void close() {
    writePending();
    if (writer != null) writer.shutdownNow();
  }
}
