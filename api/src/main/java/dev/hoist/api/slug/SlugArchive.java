package dev.hoist.api.slug;

import dev.hoist.api.web.ApiException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Checks an uploaded slug before anyone unpacks it: a gzip tar in which every entry lies under
 * {@code ./app/}, no path climbs out with {@code ..}, only files, folders and links appear (no
 * devices, no FIFOs), and no link leads outside {@code /app}. A bad archive is refused whole.
 *
 * <p>Links are judged by their text, which is only sound while no link is followed on the way. So
 * the check refuses what it cannot prove: entries placed beneath a link, {@code ./app} itself as a
 * link, and a link target that climbs ({@code ..}) after passing through another link.
 */
final class SlugArchive {
  private SlugArchive() {}

  private record Entry(
      String name, String path, boolean symlink, boolean hardlink, String target) {}

  static void check(Path file) {
    List<Entry> entries = read(file);
    if (entries.isEmpty())
      throw ApiException.invalid("the slug archive is empty: it must hold ./app/");
    Set<String> symlinks = new HashSet<>();
    for (Entry e : entries) if (e.symlink()) symlinks.add(e.path());
    for (Entry e : entries) {
      if (underLink(e.path(), symlinks)) {
        throw ApiException.invalid("the slug entry '" + e.name() + "' lies beneath a link");
      }
      boolean inside =
          !e.symlink() && !e.hardlink()
              || e.hardlink()
                  && inApp(e.target()) != null
                  && !underLink(inApp(e.target()), symlinks)
              || e.symlink() && resolves(e.path(), e.target(), symlinks);
      if (!inside)
        throw ApiException.invalid("the slug link '" + e.name() + "' points outside /app");
    }
  }

  private static List<Entry> read(Path file) {
    List<Entry> entries = new ArrayList<>();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        GzipCompressorInputStream gz = new GzipCompressorInputStream(raw);
        TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        String path = inApp(e.getName());
        if (path == null) {
          throw ApiException.invalid(
              "the slug entry '"
                  + e.getName()
                  + "' is outside ./app/: a slug is made with "
                  + "'tar czf slug.tgz ./app'");
        }
        if (e.isCharacterDevice()
            || e.isBlockDevice()
            || e.isFIFO()
            || !(e.isFile() || e.isDirectory() || e.isSymbolicLink() || e.isLink())) {
          throw ApiException.invalid(
              "the slug entry '" + e.getName() + "' is not a file, folder or link");
        }
        if (path.isEmpty() && (e.isSymbolicLink() || e.isLink())) {
          throw ApiException.invalid("./app itself must be a folder, not a link");
        }
        entries.add(
            new Entry(e.getName(), trim(path), e.isSymbolicLink(), e.isLink(), e.getLinkName()));
      }
    } catch (IOException e) {
      throw ApiException.invalid(
          "the slug is not a gzip-compressed tar archive (" + e.getMessage() + ")");
    }
    return entries;
  }

  /**
   * The path below app/ for names like {@code ./app/x}, {@code app/x}, {@code ./app}; else null.
   */
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

  private static String trim(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** Whether some folder above {@code path} is a link. */
  private static boolean underLink(String path, Set<String> symlinks) {
    for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
      if (symlinks.contains(path.substring(0, i))) return true;
    }
    return false;
  }

  /**
   * A symbolic link at {@code /app/path} to {@code target} resolves inside /app, following no link
   * upward.
   */
  static boolean resolves(String path, String target, Set<String> symlinks) {
    Deque<String> at = new ArrayDeque<>();
    String rel = target;
    if (target.startsWith("/")) {
      if (!target.equals("/app") && !target.startsWith("/app/")) return false;
      rel = target.substring(4);
    } else {
      String[] parts = path.split("/");
      for (int i = 0; i < parts.length - 1; i++) at.addLast(parts[i]);
    }
    boolean throughLink = false;
    for (String part : rel.split("/")) {
      if (part.isEmpty() || part.equals(".")) continue;
      if (part.equals("..")) {
        if (at.isEmpty() || throughLink) return false;
        at.removeLast();
      } else {
        at.addLast(part);
        if (symlinks.contains(String.join("/", at))) throughLink = true;
      }
    }
    return true;
  }

  /** Kept for callers that judge a single link by its text alone (no other links known). */
  static boolean linkStaysInApp(String path, String target) {
    return resolves(path, target, Set.of());
  }
}
