package dev.hoist.dynos.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.dynos.checkpoint.SlugStore;
import dev.hoist.dynos.scheduler.Prepared;
import dev.hoist.dynos.scheduler.SlugDownload;
import dev.hoist.dynos.scheduler.SlugRef;
import dev.hoist.internal.Blobs;
import dev.hoist.internal.InternalApi;
import dev.hoist.internal.state.DesiredState.Slug;
import dev.hoist.internal.testing.FakeApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Platform slugs are copied to disk while the api can serve them, and made into images from it. */
class SlugPrepsTest {
  private static final byte[] ARCHIVE = "a slug".getBytes(StandardCharsets.UTF_8);
  private static final Executor NOW = Runnable::run;
  @TempDir Path dir;

  /** Prepares by reading the whole download and checking its checksum, as the engine's does. */
  private static final class Images extends NoScheduler {
    final Set<String> made = ConcurrentHashMap.newKeySet();

    @Override
    public Prepared prepare(SlugRef slug, SlugDownload download) {
      if (made.contains(slug.id())) return new Prepared.Ready();
      try (InputStream in = download.open()) {
        String actual = checksum(in.readAllBytes());
        if (!actual.equals(slug.checksum()))
          return new Prepared.ChecksumMismatch(slug.checksum(), actual);
        made.add(slug.id());
        return new Prepared.Ready();
      } catch (IOException e) {
        return new Prepared.Failed("cannot unpack the slug: " + e.getMessage());
      }
    }
  }

  private static String checksum(byte[] bytes) {
    try {
      return "SHA256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void makesAPlatformSlugsImageAgainFromItsCopyOnceTheApiIsGone() throws Exception {
    Images images = new Images();
    SlugStore store = new SlugStore(dir);
    Slug slug;
    SlugPreps preps;
    try (FakeApiServer api = new FakeApiServer("t")) {
      api.blobs.put("s1", ARCHIVE);
      slug = new Slug("s1", Map.of(), checksum(ARCHIVE), api.blobUrl("s1"));
      preps =
          new SlugPreps(
              images, new Blobs(new InternalApi(api.url(), "t")), store, "s1"::equals, NOW);
      assertThat(preps.ensure(slug, null)).isEqualTo(new Prepared.Ready());
      assertThat(api.blobReads).containsExactly("s1");
    }
    assertThat(store.has("s1")).isTrue();
    images.made.clear(); // the image removed behind the manager's back
    preps.forget("s1");
    assertThat(preps.ensure(slug, null)).isEqualTo(new Prepared.Ready());
  }

  @Test
  void leavesAnOrdinarySlugBehindTheApi() throws Exception {
    try (FakeApiServer api = new FakeApiServer("t")) {
      api.blobs.put("s2", ARCHIVE);
      Slug slug = new Slug("s2", Map.of(), checksum(ARCHIVE), api.blobUrl("s2"));
      SlugStore store = new SlugStore(dir);
      SlugPreps preps =
          new SlugPreps(
              new Images(), new Blobs(new InternalApi(api.url(), "t")), store, id -> false, NOW);
      assertThat(preps.ensure(slug, null)).isEqualTo(new Prepared.Ready());
      assertThat(store.has("s2")).isFalse();
    }
  }

  @Test
  @Timeout(20) // a hung download would hold the start for the transfer timeout, half an hour
  void neverHoldsAStartWhoseImageExistsForACopy() throws Exception {
    try (ServerSocket hung = new ServerSocket(0)) { // connects, never answers
      String url = "http://127.0.0.1:" + hung.getLocalPort();
      Images images = new Images();
      images.made.add("s3");
      SlugPreps preps =
          new SlugPreps(
              images,
              new Blobs(new InternalApi(url, "t")),
              new SlugStore(dir),
              "s3"::equals,
              r -> new Thread(r).start());
      Slug slug = new Slug("s3", Map.of(), checksum(ARCHIVE), url + "/blobs/s3?signature=x");
      preps.warm(slug, null); // its copy hangs in the background
      assertThat(preps.ensure(slug, null)).isEqualTo(new Prepared.Ready());
    }
  }

  @Test
  void downloadsADamagedCopyAgain() throws Exception {
    try (FakeApiServer api = new FakeApiServer("t")) {
      api.blobs.put("s4", ARCHIVE);
      Slug slug = new Slug("s4", Map.of(), checksum(ARCHIVE), api.blobUrl("s4"));
      SlugStore store = new SlugStore(dir);
      SlugPreps preps =
          new SlugPreps(
              new Images(), new Blobs(new InternalApi(api.url(), "t")), store, "s4"::equals, NOW);
      java.nio.file.Files.writeString(dir.resolve("s4.tgz"), "bit rot");
      assertThat(preps.ensure(slug, null)).isInstanceOf(Prepared.ChecksumMismatch.class);
      assertThat(store.has("s4")).isFalse();
      assertThat(preps.ensure(slug, null)).isEqualTo(new Prepared.Ready());
      assertThat(store.has("s4")).isTrue();
    }
  }
}
