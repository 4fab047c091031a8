package dev.hoist.build.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarUnpackerTest {
  @TempDir Path tmp;

  @Test
  void unpacksFilesFoldersLinksAndTheExecutableBit() throws Exception {
    Path tgz =
        tar(
            t -> {
              file(t, "./bin/run", "#!/bin/sh\n", 0755);
              file(t, "README", "hi", 0644);
              link(t, "current", "bin/run");
            });

    long newest = TarUnpacker.unpack(tgz, tmp.resolve("out"));

    assertThat(tmp.resolve("out/README")).hasContent("hi");
    assertThat(Files.isExecutable(tmp.resolve("out/bin/run"))).isTrue();
    assertThat(Files.readSymbolicLink(tmp.resolve("out/current"))).isEqualTo(Path.of("bin/run"));
    assertThat(newest).isEqualTo(1_700_000_000L);
  }

  @Test
  void refusesEntriesThatClimbOut() throws Exception {
    Path tgz = tar(t -> file(t, "../escaped", "x", 0644));

    assertThatThrownBy(() -> TarUnpacker.unpack(tgz, tmp.resolve("out")))
        .isInstanceOf(TarUnpacker.BadArchiveException.class)
        .hasMessageContaining("'..'");
    assertThat(tmp.resolve("escaped")).doesNotExist();
  }

  @Test
  void refusesAbsoluteNames() throws Exception {
    Path tgz = tar(t -> file(t, "/etc/evil", "x", 0644));

    assertThatThrownBy(() -> TarUnpacker.unpack(tgz, tmp.resolve("out")))
        .hasMessageContaining("absolute");
  }

  @Test
  void neverWritesThroughALinkThatLeavesTheFolder() throws Exception {
    Files.createDirectories(tmp.resolve("outside"));
    Path tgz =
        tar(
            t -> {
              link(t, "sneaky", tmp.resolve("outside").toString());
              file(t, "sneaky/owned", "x", 0644);
            });

    assertThatThrownBy(() -> TarUnpacker.unpack(tgz, tmp.resolve("out")))
        .hasMessageContaining("link");
    assertThat(tmp.resolve("outside/owned")).doesNotExist();
  }

  @Test
  void replacesALinkRatherThanWritingThroughIt() throws Exception {
    Files.writeString(tmp.resolve("victim"), "safe");
    Path tgz =
        tar(
            t -> {
              link(t, "a", tmp.resolve("victim").toString());
              file(t, "a", "overwritten?", 0644);
            });

    TarUnpacker.unpack(tgz, tmp.resolve("out"));

    assertThat(tmp.resolve("victim")).hasContent("safe");
    assertThat(tmp.resolve("out/a")).hasContent("overwritten?");
  }

  @Test
  void refusesSomethingThatIsNotGzip() throws Exception {
    Path junk = Files.writeString(tmp.resolve("junk.tgz"), "not an archive");

    assertThatThrownBy(() -> TarUnpacker.unpack(junk, tmp.resolve("out")))
        .hasMessageContaining("gzip");
  }

  @Test
  void packsAndUnpacksAFolderTheSame() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src/a/b"));
    Files.writeString(src.resolve("f.txt"), "content");
    Files.createSymbolicLink(tmp.resolve("src/link"), Path.of("a/b/f.txt"));
    TarPacker.pack(tmp.resolve("src"), tmp.resolve("packed.tgz"), "");

    TarUnpacker.unpack(tmp.resolve("packed.tgz"), tmp.resolve("copy"));

    assertThat(tmp.resolve("copy/a/b/f.txt")).hasContent("content");
    assertThat(Files.readSymbolicLink(tmp.resolve("copy/link"))).isEqualTo(Path.of("a/b/f.txt"));
  }

  interface Writer {
    void write(TarArchiveOutputStream t) throws IOException;
  }

  private Path tar(Writer w) throws IOException {
    Path out = Files.createTempFile(tmp, "t", ".tgz");
    try (OutputStream f = Files.newOutputStream(out);
        GzipCompressorOutputStream gz = new GzipCompressorOutputStream(f);
        TarArchiveOutputStream t = new TarArchiveOutputStream(gz)) {
      w.write(t);
    }
    return out;
  }

  private static void file(TarArchiveOutputStream t, String name, String text, int mode)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setMode(0100000 | mode);
    e.setSize(bytes.length);
    e.setModTime(1_700_000_000_000L);
    t.putArchiveEntry(e);
    t.write(bytes);
    t.closeArchiveEntry();
  }

  private static void link(TarArchiveOutputStream t, String name, String target)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK, true);
    e.setLinkName(target);
    e.setModTime(1_600_000_000_000L);
    t.putArchiveEntry(e);
    t.closeArchiveEntry();
  }
}
