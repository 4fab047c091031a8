package dev.hoist.build.gateway.receive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The source tarball of a commit, as {@code git archive --format=tar.gz} makes it: the files of the
 * commit's tree and nothing of {@code .git}. Executable bits and symbolic links are kept;
 * submodules (gitlinks) are left out, as their content is not in this repository. Every entry
 * carries the commit's time, so the same commit always gives the same archive content.
 */
public final class SourceArchive {
  private SourceArchive() {}

  public static void write(ObjectReader reader, RevCommit commit, Path out) throws IOException {
    Date time = new Date(commit.getCommitTime() * 1000L);
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out));
        GzipCompressorOutputStream gz = new GzipCompressorOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz);
        TreeWalk walk = new TreeWalk(reader)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      walk.addTree(commit.getTree());
      walk.setRecursive(true);
      while (walk.next()) {
        String path = walk.getPathString();
        FileMode mode = walk.getFileMode(0);
        if (mode == FileMode.GITLINK || touchesDotGit(path)) continue;
        ObjectLoader blob = reader.open(walk.getObjectId(0));
        if (mode == FileMode.SYMLINK) {
          TarArchiveEntry e = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
          e.setLinkName(new String(blob.getCachedBytes(4096), StandardCharsets.UTF_8));
          e.setModTime(time);
          tar.putArchiveEntry(e);
        } else {
          TarArchiveEntry e = new TarArchiveEntry(path);
          e.setMode(mode == FileMode.EXECUTABLE_FILE ? 0100755 : 0100644);
          e.setSize(blob.getSize());
          e.setModTime(time);
          tar.putArchiveEntry(e);
          blob.copyTo(tar);
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }

  /**
   * A path with a {@code .git} part (any case) would write into a checkout's git folder: left out.
   */
  static boolean touchesDotGit(String path) {
    for (String part : path.split("/")) {
      if (part.equalsIgnoreCase(".git")) return true;
    }
    return false;
  }
}
