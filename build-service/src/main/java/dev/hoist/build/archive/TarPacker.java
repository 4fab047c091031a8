package dev.hoist.build.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Writes a folder as a gzip tar: entries sorted by name, symbolic links stored as links (never
 * followed, so nothing outside the folder is read), sockets and the like skipped, the executable
 * bit kept. Used for build caches and repository archives.
 */
public final class TarPacker {
  private TarPacker() {}

  /**
   * Packs {@code dir}'s content into {@code archive}, each name under {@code prefix} (e.g. "" or
   * "./app/").
   */
  public static void pack(Path dir, Path archive, String prefix) throws IOException {
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(archive));
        GzipCompressorOutputStream gz = new GzipCompressorOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      walk(dir, dir, prefix, tar);
      tar.finish();
    }
  }

  private static void walk(Path root, Path dir, String prefix, TarArchiveOutputStream tar)
      throws IOException {
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = list.sorted().toList();
    }
    for (Path child : children) {
      String name = prefix + root.relativize(child).toString().replace('\\', '/');
      if (Files.isSymbolicLink(child)) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        e.setLinkName(Files.readSymbolicLink(child).toString());
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
      } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        TarArchiveEntry e = new TarArchiveEntry(child.toFile(), name + "/");
        e.setMode(040755);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
        walk(root, child, prefix, tar);
      } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
        TarArchiveEntry e = new TarArchiveEntry(child.toFile(), name);
        e.setMode(executable(child) ? 0100755 : 0100644);
        tar.putArchiveEntry(e);
        Files.copy(child, tar);
        tar.closeArchiveEntry();
      }
    }
  }

  private static boolean executable(Path file) throws IOException {
    try {
      Set<PosixFilePermission> perms =
          Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
      return perms.contains(PosixFilePermission.OWNER_EXECUTE);
    } catch (UnsupportedOperationException e) {
      return Files.isExecutable(file);
    }
  }
}
