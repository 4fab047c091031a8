package dev.hoist.dynos.checkpoint;

import dev.hoist.internal.WireJson;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoint on disk. A write goes to a temporary file beside it (mode 0600: it holds config
 * vars), is synced, renamed over the old one and the folder synced, so that a crash at any moment
 * leaves either the old checkpoint or the new one, whole.
 */
public final class CheckpointFile {
  private static final Logger log = LoggerFactory.getLogger(CheckpointFile.class);
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Path file;

  public CheckpointFile(Path file) {
    this.file = file.toAbsolutePath();
  }

  public Path path() {
    return file;
  }

  /** The checkpoint; empty when there is none, or when it cannot be read (logged). */
  public Optional<Checkpoint> read() {
    try {
      Checkpoint c = WireJson.MAPPER.readValue(Files.readAllBytes(file), Checkpoint.class);
      if (c.state() == null) throw new IOException("it has no state");
      if (c.format() != Checkpoint.FORMAT)
        throw new IOException("format " + c.format() + ", not " + Checkpoint.FORMAT);
      return Optional.of(c);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      log.error("cannot read the checkpoint {}, waiting for the api: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  public void write(Checkpoint checkpoint) throws IOException {
    Path dir = file.getParent();
    if (!Files.isDirectory(dir)) Files.createDirectories(dir, privateDir());
    Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp", privateFile());
    try {
      Files.write(temp, WireJson.MAPPER.writeValueAsBytes(checkpoint));
      sync(temp);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory(dir);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Makes the file's content durable. */
  static void sync(Path path) throws IOException {
    try (FileChannel c = FileChannel.open(path, StandardOpenOption.WRITE)) {
      c.force(true);
    }
  }

  /** Makes a rename in the folder durable (where the platform allows a folder to be synced). */
  static void syncDirectory(Path dir) {
    try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
      c.force(true);
    } catch (IOException e) {
      // not every file system lets a folder be opened; the rename is then as durable as it gets
    }
  }

  private static FileAttribute<?>[] privateFile() {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new FileAttribute<?>[0];
  }

  private static FileAttribute<?>[] privateDir() {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
        }
        : new FileAttribute<?>[0];
  }
}
