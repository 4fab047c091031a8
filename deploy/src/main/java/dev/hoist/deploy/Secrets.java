package dev.hoist.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The seed's own secrets — the component token and the blob-signing key — made once and kept in
 * {@code $HOIST_HOME/secrets.properties} (mode 0600), so that they survive restarts.
 */
record Secrets(String componentToken, String blobSecret) {
  static Secrets load(Path file) throws IOException {
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file)) {
        p.load(r);
      }
    }
    boolean changed = false;
    for (String key : new String[] {"component_token", "blob_secret"}) {
      if (p.getProperty(key, "").isEmpty()) {
        p.setProperty(key, random());
        changed = true;
      }
    }
    if (changed) save(file, p);
    return new Secrets(p.getProperty("component_token"), p.getProperty("blob_secret"));
  }

  private static void save(Path file, Properties p) throws IOException {
    Path tmp =
        Files.createTempFile(
            file.getParent(),
            ".secrets",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (Writer w = Files.newBufferedWriter(tmp)) {
      p.store(w, "hoistd secrets: keep private");
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
