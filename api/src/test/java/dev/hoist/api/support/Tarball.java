package dev.hoist.api.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Builds slug archives in memory, good and bad, as {@code tar czf slug.tgz ./app} would. Entry
 * names are written exactly as given (absolute paths and {@code ..} included) so tests can build
 * hostile archives.
 */
public final class Tarball {
  private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar = new TarArchiveOutputStream(raw);

  private Tarball() {
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  public static Tarball create() {
    return new Tarball();
  }

  /** The smallest slug that passes: {@code ./app/} with a Procfile and a script. */
  public static byte[] minimalApp() {
    return create()
        .dir("./app/")
        .file("./app/Procfile", "web: ./server\n")
        .file("./app/server", "#!/bin/sh\n")
        .gzipped();
  }

  public Tarball dir(String name) {
    return add(new TarArchiveEntry(name, TarConstants.LF_DIR, true), null);
  }

  public Tarball file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  public Tarball file(String name, byte[] content) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
    e.setSize(content.length);
    return add(e, content);
  }

  public Tarball symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
    e.setLinkName(target);
    return add(e, null);
  }

  public Tarball hardLink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
    e.setLinkName(target);
    return add(e, null);
  }

  /**
   * An entry of another kind, such as {@link TarConstants#LF_CHR} (a device) or {@link
   * TarConstants#LF_FIFO}.
   */
  public Tarball special(String name, byte kind) {
    return add(new TarArchiveEntry(name, kind, true), null);
  }

  private Tarball add(TarArchiveEntry entry, byte[] content) {
    try {
      tar.putArchiveEntry(entry);
      if (content != null) tar.write(content);
      tar.closeArchiveEntry();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tar, uncompressed. */
  public byte[] tar() {
    try {
      tar.finish();
      tar.close();
      return raw.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tar, gzip-compressed: a slug archive. */
  public byte[] gzipped() {
    return gzip(tar());
  }

  public static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The checksum as the api writes it: {@code SHA256:} and lower-case hex. */
  public static String sha256(byte[] data) {
    try {
      return "SHA256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
