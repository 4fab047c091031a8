package dev.hoist.dynos.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Streams a slug (a gzip tar of {@code ./app/...}) into an uncompressed tar whose every entry
 * belongs to the dyno user, computing the SHA-256 of the compressed bytes on the way. Entries
 * outside {@code ./app/}, with {@code ..} in their path, or that are devices or fifos make the slug
 * invalid: the api refuses such slugs on upload, and the dyno manager does not trust that it did.
 */
final class SlugTar {
  /** The dyno user of the run stack (deploy/stack/run/setup.sh makes it with uid and gid 1000). */
  static final int DYNO_UID = 1000;

  static final String DYNO_USER = "dyno";

  private SlugTar() {}

  /**
   * Copies {@code slug} to {@code out} as described; returns {@code SHA256:<hex>} of everything
   * read.
   */
  static String rewrite(InputStream slug, OutputStream out) throws IOException {
    MessageDigest sha = sha256();
    DigestInputStream digesting = new DigestInputStream(slug, sha);
    GZIPInputStream gz = new GZIPInputStream(digesting, 64 * 1024);
    TarArchiveInputStream in = new TarArchiveInputStream(gz);
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 64 * 1024);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
      check(e);
      e.setUserId(DYNO_UID);
      e.setGroupId(DYNO_UID);
      e.setUserName(DYNO_USER);
      e.setGroupName(DYNO_USER);
      tar.putArchiveEntry(e);
      if (e.isFile()) in.transferTo(tar);
      tar.closeArchiveEntry();
    }
    tar.finish();
    tar.flush();
    gz.transferTo(OutputStream.nullOutputStream()); // the rest of the gzip stream, for the checksum
    digesting.transferTo(OutputStream.nullOutputStream());
    return "SHA256:" + HexFormat.of().formatHex(sha.digest());
  }

  static void check(TarArchiveEntry e) throws IOException {
    String name = e.getName();
    String path = name.startsWith("./") ? name.substring(2) : name;
    if (!(path.equals("app") || path.equals("app/") || path.startsWith("app/"))
        || name.startsWith("/")) {
      throw new IOException("slug entry '" + name + "' is outside ./app/");
    }
    for (String part : path.split("/")) {
      if (part.equals("..")) throw new IOException("slug entry '" + name + "' climbs out with ..");
    }
    if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
      throw new IOException("slug entry '" + name + "' is a device or fifo");
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
