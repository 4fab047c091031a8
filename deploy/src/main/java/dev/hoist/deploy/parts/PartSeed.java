package dev.hoist.deploy.parts;

import dev.hoist.internal.Blobs;
import dev.hoist.internal.InternalApi;
import dev.hoist.internal.platform.PlatformAppsApi;
import dev.hoist.internal.platform.PlatformAppsApi.Deploy;
import dev.hoist.internal.platform.PlatformAppsApi.Deployed;
import dev.hoist.internal.platform.PlatformAppsApi.EnsureApp;
import dev.hoist.internal.platform.PlatformAppsApi.NewSlug;
import dev.hoist.internal.platform.PlatformAppsApi.NewSlugAnswer;
import dev.hoist.internal.platform.PlatformAppsApi.PlatformApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 1 of the bootstrap: makes sure a platform app exists (owned by the admin, on its stack
 * image, with its config and its platform-only dyno options) and, when it has no slug or an older
 * hand-packed one, packs its slug by hand from this machine's jars — the hand-compiled first
 * compiler. From then on its dynos run like any app's.
 */
public final class PartSeed {
  private static final Logger log = LoggerFactory.getLogger(PartSeed.class);

  private final PlatformAppsApi api;
  private final Blobs blobs;

  public PartSeed(String apiUrl, String token) {
    InternalApi internal = new InternalApi(apiUrl, token);
    this.api = new PlatformAppsApi(internal);
    this.blobs = new Blobs(internal);
  }

  /** Ensures the part; true when it released a new slug. */
  public boolean ensure(Part part) throws IOException {
    String digest = part.slug().digest();
    PlatformApp app =
        api.ensure(part.app(), new EnsureApp(part.stackImage(), part.config(), part.options()));
    if (digest.equals(app.commit())) {
      log.info("{} runs the current hand-packed slug", part.app());
      return false;
    }
    boolean first = !app.deployed();
    Path archive = Files.createTempFile(part.app(), ".tgz");
    try {
      part.slug().writeTo(archive);
      NewSlugAnswer made =
          api.newSlug(part.app(), new NewSlug(Map.of(part.processType(), part.command()), digest));
      blobs.upload(made.putUrl(), archive, "application/gzip");
      Deployed deployed =
          api.deploy(
              part.app(),
              new Deploy(made.id(), first ? part.quantity() : 0, part.processType(), part.size()));
      log.info(
          "{}: packed its slug by hand ({} MB) and released v{}",
          part.app(),
          Files.size(archive) / (1 << 20),
          deployed.version());
      return true;
    } finally {
      Files.deleteIfExists(archive);
    }
  }
}
