package dev.hoist.deploy;

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
 * Stage 1 of the bootstrap: makes sure the platform app {@code hoist-builder} exists (on the build
 * stack image, with what its dynos need to reach the api), and, when it has no slug or an older
 * hand-packed one, packs its slug by hand from the local build-service jar and the shipped
 * buildpacks — the hand-compiled first compiler. From then on builder dynos run like any app's
 * dynos and claim builds.
 */
final class BuilderSeed {
  static final String APP = "hoist-builder";
  static final String BUILD_IMAGE = "hoist/stack-build:current";
  static final String SIZE = "performance-M";
  private static final Logger log = LoggerFactory.getLogger(BuilderSeed.class);
  private static final String WORKER =
      "java -XX:MaxRAMPercentage=40 -XX:+UseSerialGC -jar /app/build-service.jar builder";

  private final PlatformAppsApi api;
  private final Blobs blobs;
  private final String token;

  BuilderSeed(String apiUrl, String token) {
    InternalApi internal = new InternalApi(apiUrl, token);
    this.api = new PlatformAppsApi(internal);
    this.blobs = new Blobs(internal);
    this.token = token;
  }

  void ensure(PlatformSettings settings, String apiUrlForDynos) throws IOException {
    SlugPacker slug =
        new SlugPacker()
            .file("build-service.jar", settings.builderJar())
            .tree("buildpacks", settings.buildpacks())
            .text("Procfile", "worker: " + WORKER + "\n");
    String digest = slug.digest();
    PlatformApp app =
        api.ensure(
            APP,
            new EnsureApp(
                BUILD_IMAGE,
                Map.of(
                    "HOIST_API_URL",
                    apiUrlForDynos,
                    "HOIST_COMPONENT_TOKEN",
                    token,
                    "HOIST_BUILDPACKS_DIR",
                    "/app/buildpacks",
                    "HOIST_BUILD_UID",
                    "2000")));
    if (digest.equals(app.commit())) {
      log.info("{} is deployed with the current build service and buildpacks", APP);
      return;
    }
    boolean first = !app.deployed();
    Path archive = Files.createTempFile("hoist-builder", ".tgz");
    try {
      slug.writeTo(archive);
      NewSlugAnswer made = api.newSlug(APP, new NewSlug(Map.of("worker", WORKER), digest));
      blobs.upload(made.putUrl(), archive, "application/gzip");
      Deployed deployed = api.deploy(APP, new Deploy(made.id(), first ? 1 : 0, "worker", SIZE));
      log.info(
          "{}: packed its slug by hand ({} MB) and released v{}",
          APP,
          Files.size(archive) / (1 << 20),
          deployed.version());
    } finally {
      Files.deleteIfExists(archive);
    }
  }
}
