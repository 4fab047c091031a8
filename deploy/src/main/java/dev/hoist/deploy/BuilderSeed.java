package dev.hoist.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 1 of the bootstrap: makes sure the platform app {@code hoist-builder} exists (on the build stack
 * image, with what its dynos need to reach the api), and, when it has no slug or an older hand-packed
 * one, packs its slug by hand from the local build-service jar and the shipped buildpacks — the
 * hand-compiled first compiler. From then on builder dynos run like any app's dynos and claim builds.
 */
final class BuilderSeed {
  static final String APP = "hoist-builder";
  static final String BUILD_IMAGE = "hoist/stack-build:current";
  static final String SIZE = "performance-M";
  private static final Logger log = LoggerFactory.getLogger(BuilderSeed.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String api;
  private final String token;

  BuilderSeed(String api, String token) {
    this.api = api;
    this.token = token;
  }

  void ensure(PlatformSettings settings, String apiUrlForDynos) throws IOException, InterruptedException {
    SlugPacker slug = new SlugPacker()
        .file("build-service.jar", settings.builderJar())
        .tree("buildpacks", settings.buildpacks())
        .text("Procfile", "worker: java -XX:MaxRAMPercentage=40 -XX:+UseSerialGC -jar /app/build-service.jar builder\n");
    String digest = slug.digest();
    JsonNode app = call("PUT", "/internal/platform-apps/" + APP, Map.of("stack_image", BUILD_IMAGE, "config",
        Map.of("HOIST_API_URL", apiUrlForDynos, "HOIST_COMPONENT_TOKEN", token,
            "HOIST_BUILDPACKS_DIR", "/app/buildpacks", "HOIST_BUILD_UID", "2000")));
    if (app.path("commit").asText().equals(digest)) {
      log.info("{} is deployed with the current build service and buildpacks", APP);
      return;
    }
    boolean first = !app.path("deployed").asBoolean();
    Path archive = Files.createTempFile("hoist-builder", ".tgz");
    try {
      slug.writeTo(archive);
      JsonNode made = call("POST", "/internal/platform-apps/" + APP + "/slugs",
          Map.of("process_types", Map.of("worker", "java -XX:MaxRAMPercentage=40 -XX:+UseSerialGC "
              + "-jar /app/build-service.jar builder"), "commit", digest));
      HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(made.get("put_url").asText()))
          .PUT(HttpRequest.BodyPublishers.ofFile(archive)).build(), HttpResponse.BodyHandlers.ofString());
      if (put.statusCode() != 200) throw new IOException("uploading the builder slug: " + put.body());
      JsonNode deployed = call("POST", "/internal/platform-apps/" + APP + "/deploy",
          Map.of("slug", made.get("id").asText(), "type", "worker", "quantity", first ? 1 : 0, "size", SIZE));
      log.info("{}: packed its slug by hand ({} MB) and released v{}", APP, Files.size(archive) / (1 << 20),
          deployed.path("version").asInt());
    } finally {
      Files.deleteIfExists(archive);
    }
  }

  private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() >= 300) throw new IOException(method + " " + path + " answered " + res.statusCode() + ": " + res.body());
    return JSON.readTree(res.body());
  }
}
