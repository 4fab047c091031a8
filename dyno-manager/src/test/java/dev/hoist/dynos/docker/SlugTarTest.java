package dev.hoist.dynos.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

class SlugTarTest {
  private static byte[] slug(String... names) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      for (String name : names) {
        TarArchiveEntry e = new TarArchiveEntry(name);
        byte[] content = name.endsWith("/") ? new byte[0] : ("content of " + name).getBytes();
        e.setSize(content.length);
        e.setIds(0, 0);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void givesEveryEntryToTheDynoUserAndChecksumsTheDownload() throws Exception {
    byte[] slug = slug("./app/", "./app/server.js", "./app/lib/x.js");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String sum = SlugTar.rewrite(new ByteArrayInputStream(slug), out);
    assertThat(sum)
        .isEqualTo(
            "SHA256:"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(slug)));
    List<String> seen = new ArrayList<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        assertThat(e.getLongUserId()).isEqualTo(1000);
        assertThat(e.getLongGroupId()).isEqualTo(1000);
        seen.add(e.getName() + (e.isFile() ? "=" + new String(tar.readAllBytes()) : ""));
      }
    }
    assertThat(seen)
        .containsExactly(
            "./app/",
            "./app/server.js=content of ./app/server.js",
            "./app/lib/x.js=content of ./app/lib/x.js");
  }

  @Test
  void refusesEntriesOutsideApp() {
    assertThatThrownBy(
            () ->
                SlugTar.rewrite(
                    new ByteArrayInputStream(slug("./etc/passwd")),
                    OutputStream.nullOutputStream()))
        .hasMessageContaining("outside ./app/");
    assertThatThrownBy(
            () ->
                SlugTar.rewrite(
                    new ByteArrayInputStream(slug("./app/../etc/x")),
                    OutputStream.nullOutputStream()))
        .hasMessageContaining("climbs out");
  }
}
