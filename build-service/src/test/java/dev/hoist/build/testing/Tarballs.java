package dev.hoist.build.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Reads gzip tars in tests: entry name → entry, and the text of small files. */
public final class Tarballs {
  public record Entry(TarArchiveEntry header, String text) {}

  private Tarballs() {}

  public static Map<String, Entry> read(byte[] tgz) throws IOException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(tgz)))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        String text =
            e.isFile() && e.getSize() < 64 * 1024
                ? new String(tar.readAllBytes(), StandardCharsets.UTF_8)
                : null;
        entries.put(e.getName(), new Entry(e, text));
      }
    }
    return entries;
  }

  public static Map<String, Entry> read(Path tgz) throws IOException {
    return read(Files.readAllBytes(tgz));
  }
}
