package dev.hoist.dynos.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.dynos.scheduler.Prepared;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlugStoreTest {
  private static final byte[] SLUG = "a slug archive".getBytes(StandardCharsets.UTF_8);
  @TempDir Path dir;

  private static String checksum(byte[] bytes) throws Exception {
    return "SHA256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void keepsAVerifiedCopyAndDownloadsItOnce() throws Exception {
    SlugStore store = new SlugStore(dir.resolve("slugs"));
    AtomicInteger downloads = new AtomicInteger();
    for (int i = 0; i < 2; i++) {
      Prepared p =
          store.store(
              "s1",
              checksum(SLUG),
              () -> {
                downloads.incrementAndGet();
                return new ByteArrayInputStream(SLUG);
              });
      assertThat(p).isEqualTo(new Prepared.Ready());
    }
    assertThat(downloads).hasValue(1);
    assertThat(store.has("s1")).isTrue();
    try (var in = store.open("s1")) {
      assertThat(in.readAllBytes()).isEqualTo(SLUG);
    }
  }

  @Test
  void keepsNothingThatDoesNotMatchItsChecksum() throws Exception {
    SlugStore store = new SlugStore(dir);
    Prepared p =
        store.store("s1", checksum("other".getBytes()), () -> new ByteArrayInputStream(SLUG));
    assertThat(p).isInstanceOf(Prepared.ChecksumMismatch.class);
    assertThat(store.has("s1")).isFalse();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void keepsNothingOfADownloadThatFails() {
    SlugStore store = new SlugStore(dir);
    Prepared p =
        store.store(
            "s1",
            null,
            () -> {
              throw new IOException("connection refused");
            });
    assertThat(p).isInstanceOf(Prepared.Failed.class);
    assertThat(((Prepared.Failed) p).message()).contains("connection refused");
    assertThat(store.has("s1")).isFalse();
  }

  @Test
  void refusesSlugIdsThatCouldLeaveItsFolder() {
    SlugStore store = new SlugStore(dir.resolve("slugs"));
    assertThat(store.store("../../etc/passwd", null, () -> new ByteArrayInputStream(SLUG)))
        .isInstanceOf(Prepared.Failed.class);
    assertThat(store.store("..", null, () -> new ByteArrayInputStream(SLUG)))
        .isInstanceOf(Prepared.Failed.class);
    assertThat(dir.resolve("slugs")).doesNotExist();
  }

  @Test
  void retainsOnlyTheSlugsItIsToldToAndNoLeftovers() throws Exception {
    SlugStore store = new SlugStore(dir);
    store.store("keep", null, () -> new ByteArrayInputStream(SLUG));
    store.store("drop", null, () -> new ByteArrayInputStream(SLUG));
    Files.writeString(dir.resolve("keep.tgz.123.tmp"), "a download cut short");
    store.retain(Set.of("keep"));
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve("keep.tgz"));
    }
  }
}
