package dev.hoist.deploy.parts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Packs a slug by hand — {@code ./app/...} in a gzip tar — from files on this machine: how the seed
 * makes the first slug of {@code hoist-builder}, before any builder exists to compile one. Entries
 * are sorted and stamped with a fixed time, so the same inputs give the same archive and the same
 * digest.
 */
public final class SlugPacker {
  private final Map<String, Path> files = new TreeMap<>();
  private final Map<String, byte[]> texts = new TreeMap<>();

  public SlugPacker file(String name, Path source) {
    files.put(name, source);
    return this;
  }

  public SlugPacker tree(String prefix, Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(prefix + "/" + dir.relativize(p).toString().replace('\\', '/'), p);
      }
    }
    return this;
  }

  public SlugPacker text(String name, String content) {
    texts.put(name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return this;
  }

  /**
   * SHA-256 over every name and content: the slug's "commit", so the seed can tell when to re-pack.
   */
  public String digest() throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (var e : files.entrySet()) {
        sha.update(e.getKey().getBytes());
        try (InputStream in = Files.newInputStream(e.getValue())) {
          byte[] buffer = new byte[64 * 1024];
          for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
        }
        sha.update((byte) (executable(e.getValue()) ? 1 : 0));
      }
      for (var e : texts.entrySet()) {
        sha.update(e.getKey().getBytes());
        sha.update(e.getValue());
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 40);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public void writeTo(Path target) throws IOException {
    try (OutputStream raw = Files.newOutputStream(target);
        GzipCompressorOutputStream gz = new GzipCompressorOutputStream(raw);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      TreeMap<String, Object> all = new TreeMap<>(files);
      all.putAll(texts);
      java.util.Set<String> dirs = new java.util.TreeSet<>();
      dirs.add("");
      for (String name : all.keySet()) {
        for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1))
          dirs.add(name.substring(0, i));
      }
      for (String d : dirs) {
        TarArchiveEntry e = new TarArchiveEntry(d.isEmpty() ? "./app/" : "./app/" + d + "/");
        stamp(e, 0755);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
      }
      // Files are streamed, never read whole: reading a 100 MB jar at once leaves a direct buffer
      // of its size cached on the seed's thread for good.
      for (var entry : all.entrySet()) {
        TarArchiveEntry e = new TarArchiveEntry("./app/" + entry.getKey());
        if (entry.getValue() instanceof byte[] b) {
          stamp(e, 0644);
          e.setSize(b.length);
          tar.putArchiveEntry(e);
          tar.write(b);
        } else {
          Path p = (Path) entry.getValue();
          stamp(e, executable(p) ? 0755 : 0644);
          e.setSize(Files.size(p));
          tar.putArchiveEntry(e);
          try (InputStream in = Files.newInputStream(p)) {
            in.transferTo(tar);
          }
        }
        tar.closeArchiveEntry();
      }
    }
  }

  private static void stamp(TarArchiveEntry e, int mode) {
    e.setMode((e.isDirectory() ? 040000 : 0100000) | mode);
    e.setIds(1000, 1000); // the stack images' dyno user
    e.setModTime(0);
  }

  private static boolean executable(Path p) throws IOException {
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
    return perms.contains(PosixFilePermission.OWNER_EXECUTE);
  }

  static List<String> names(SlugPacker p) {
    List<String> all = new java.util.ArrayList<>(p.files.keySet());
    all.addAll(p.texts.keySet());
    return all;
  }
}
