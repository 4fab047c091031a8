package dev.hoist.api.slug;

import dev.hoist.api.web.ApiException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Checks an uploaded slug before anyone unpacks it: a gzip tar in which every entry lies under
 * {@code ./app/}, no path climbs out with {@code ..}, no link points outside {@code /app}, and only
 * files, folders and links appear (no devices). A bad archive is refused whole.
 */
final class SlugArchive {
  private SlugArchive() {}

  static void check(Path file) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        GzipCompressorInputStream gz = new GzipCompressorInputStream(raw);
        TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
      int entries = 0;
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        entries++;
        checkEntry(e);
      }
      if (entries == 0) throw ApiException.invalid("the slug archive is empty: it must hold ./app/");
    } catch (IOException e) {
      throw ApiException.invalid("the slug is not a gzip-compressed tar archive (" + e.getMessage() + ")");
    }
  }

  private static void checkEntry(TarArchiveEntry e) {
    String name = e.getName();
    String path = inApp(name);
    if (path == null) {
      throw ApiException.invalid("the slug entry '" + name + "' is outside ./app/: a slug is made with "
          + "'tar czf slug.tgz ./app'");
    }
    if (!(e.isFile() || e.isDirectory() || e.isSymbolicLink() || e.isLink())) {
      throw ApiException.invalid("the slug entry '" + name + "' is not a file, folder or link");
    }
    if (e.isSymbolicLink() || e.isLink()) {
      String target = e.getLinkName();
      boolean inside = e.isLink() ? inApp(target) != null : linkStaysInApp(path, target);
      if (!inside) throw ApiException.invalid("the slug link '" + name + "' points outside /app");
    }
  }

  /** The path below app/ for names like {@code ./app/x}, {@code app/x}, {@code ./app}; else null. */
  static String inApp(String name) {
    String n = name.startsWith("./") ? name.substring(2) : name;
    if (n.equals("app") || n.equals("app/")) return "";
    if (!n.startsWith("app/")) return null;
    String rest = n.substring(4);
    for (String part : rest.split("/")) {
      if (part.equals("..")) return null;
    }
    return rest;
  }

  /** A symbolic link at {@code /app/path} to {@code target} resolves inside /app. */
  static boolean linkStaysInApp(String path, String target) {
    if (target.startsWith("/")) return linkStaysInApp("", target.equals("/app") ? "." : target.startsWith("/app/") ? target.substring(5) : "..");
    int depth = path.isEmpty() ? 0 : path.split("/").length - 1; // folders above the link, within /app
    for (String part : target.split("/")) {
      if (part.equals("..")) depth--;
      else if (!part.isEmpty() && !part.equals(".")) depth++;
      if (depth < 0) return false;
    }
    return true;
  }
}
