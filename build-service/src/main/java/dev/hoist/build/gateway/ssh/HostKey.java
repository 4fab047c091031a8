package dev.hoist.build.gateway.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The SSH host key, one for every gateway on the same folder: made by whichever starts first, then
 * read by all, so a client's {@code known_hosts} stays right through restarts, deploys and scaling.
 *
 * <p>Two gateways starting at once each write a key to a file of their own, then publish it with a
 * hard link to the shared name, which fails when the name is taken: the one that loses drops its
 * key and reads the winner's. A reader never sees a half-written key. A key file that cannot be
 * read stops startup and is left alone: replacing it would change the key under every client.
 */
final class HostKey {
  private HostKey() {}

  /** The key pairs in {@code file}, made first if there is none (ECDSA P-256, mode 0600). */
  static List<KeyPair> load(Path file) throws IOException {
    if (!Files.exists(file)) publish(file);
    List<KeyPair> keys = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      Iterable<KeyPair> read =
          SecurityUtils.loadKeyPairIdentities(
              null, NamedResource.ofName(file.toString()), in, null);
      if (read != null) read.forEach(keys::add);
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw unreadable(file, e);
    }
    if (keys.isEmpty()) throw unreadable(file, null);
    return keys;
  }

  private static IOException unreadable(Path file, Exception cause) {
    return new IOException(
        "cannot read the SSH host key "
            + file
            + "; restore it from a backup, or delete it to make a new one (clients will then see"
            + " a changed host key)",
        cause);
  }

  private static void publish(Path file) throws IOException {
    Path dir = file.getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    Path mine = dir.resolve("." + file.getFileName() + "-" + UUID.randomUUID());
    try {
      if (provider(mine).loadKeys(null).isEmpty()) {
        throw new IOException("could not make an SSH host key in " + dir);
      }
      Files.setPosixFilePermissions(mine, PosixFilePermissions.fromString("rw-------"));
      Files.createLink(file, mine);
    } catch (FileAlreadyExistsException anotherGatewayWasFirst) {
      // its key is the one
    } finally {
      Files.deleteIfExists(mine);
    }
  }

  /** MINA's provider, for its key file format: it makes a key when the file is missing. */
  private static SimpleGeneratorHostKeyProvider provider(Path file) {
    SimpleGeneratorHostKeyProvider provider = new SimpleGeneratorHostKeyProvider(file);
    provider.setAlgorithm(KeyUtils.EC_ALGORITHM);
    provider.setKeySize(256);
    return provider;
  }
}
