package dev.hoist.build.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a gzip tar into a folder and refuses, whole, an archive with an entry that would land
 * outside it: absolute names, {@code ..} parts, or a path through a symbolic link that leaves the
 * folder. Links themselves are kept as they are (a build may read through them; it could make them
 * anyway), but nothing is ever written through one. Devices and fifos are skipped.
 */
public final class TarUnpacker {
  private TarUnpacker() {}

  /**
   * Thrown for an archive that is not a gzip tar, or one that tries to escape; the message says
   * which.
   */
  public static final class BadArchiveException extends IOException {
    public BadArchiveException(String message) {
      super(message);
    }
  }

  /**
   * Unpacks into {@code dir}; returns the newest entry time (epoch seconds), 0 for an empty
   * archive.
   */
  public static long unpack(Path archive, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path root = dir.toRealPath();
    try (InputStream file = new BufferedInputStream(Files.newInputStream(archive))) {
      GzipCompressorInputStream gz;
      try {
        gz = new GzipCompressorInputStream(file);
      } catch (IOException e) {
        throw new BadArchiveException("not a gzip archive");
      }
      long newest = 0;
      try (TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
          extract(root, e, tar);
          newest = Math.max(newest, e.getModTime().getTime() / 1000);
        }
      }
      return newest;
    }
  }

  private static void extract(Path root, TarArchiveEntry e, InputStream tar) throws IOException {
    Path target = inside(root, e.getName());
    if (target.equals(root)) return;
    Path parent = target.getParent();
    Files.createDirectories(parent);
    if (!parent.toRealPath().startsWith(root)) {
      throw new BadArchiveException(
          "archive entry '" + e.getName() + "' goes through a link out of the folder");
    }
    if (e.isDirectory()) {
      if (Files.isSymbolicLink(target)) Files.delete(target);
      Files.createDirectories(target);
    } else if (e.isSymbolicLink()) {
      Files.deleteIfExists(target);
      Files.createSymbolicLink(target, Path.of(e.getLinkName()));
    } else if (e.isLink()) {
      Path source = inside(root, e.getLinkName());
      Files.deleteIfExists(target);
      if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
        throw new BadArchiveException(
            "archive hard link '" + e.getName() + "' points at no earlier file");
      }
      Files.copy(source, target, LinkOption.NOFOLLOW_LINKS);
    } else if (e.isFile()) {
      Files.deleteIfExists(target); // never write through a link left by an earlier entry
      Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
      boolean exec = (e.getMode() & 0100) != 0;
      Files.setPosixFilePermissions(
          target, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
    }
  }

  /** The entry's path within root, or a refusal for names that climb out. */
  static Path inside(Path root, String name) throws BadArchiveException {
    String n = name.replace('\\', '/');
    while (n.startsWith("./")) n = n.substring(2);
    if (n.startsWith("/"))
      throw new BadArchiveException("archive entry '" + name + "' has an absolute path");
    for (String part : n.split("/")) {
      if (part.equals(".."))
        throw new BadArchiveException("archive entry '" + name + "' climbs out with '..'");
    }
    Path target = root.resolve(n).normalize();
    if (!target.startsWith(root))
      throw new BadArchiveException("archive entry '" + name + "' is outside the folder");
    return target;
  }
}
