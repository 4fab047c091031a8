package dev.hoist.build.compiler;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.hoist.internal.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The driver's products, checked before anything is handed in: the slug exists and is within the
 * job's size limit; the process types parse. The checksum is the api's form, {@code SHA256:<hex>}.
 */
record SlugFile(long size, String checksum, Map<String, String> processTypes) {
  private static final long MB = 1024 * 1024;

  static SlugFile check(Path slug, Path types, long maxBytes) throws IOException, BuildFailure {
    if (!Files.isRegularFile(slug)) throw BuildFailure.because("the build made no slug");
    long size = Files.size(slug);
    if (maxBytes > 0 && size > maxBytes) {
      throw BuildFailure.because(
          "the slug is "
              + (size + MB - 1) / MB
              + " MB, over the limit of "
              + maxBytes / MB
              + " MB; name what the app does not need at run time in .slugignore");
    }
    Map<String, String> processTypes = Map.of();
    if (Files.isRegularFile(types)) {
      try {
        processTypes =
            WireJson.MAPPER.readValue(types.toFile(), new TypeReference<Map<String, String>>() {});
      } catch (IOException e) {
        throw BuildFailure.because("the process types could not be read (" + e.getMessage() + ")");
      }
    }
    return new SlugFile(size, sha256(slug), processTypes == null ? Map.of() : processTypes);
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return "SHA256:"
          + HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
