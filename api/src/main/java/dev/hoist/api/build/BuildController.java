package dev.hoist.api.build;

import dev.hoist.api.ApiSettings;
import dev.hoist.api.app.App;
import dev.hoist.api.app.AppAccess;
import dev.hoist.api.auth.Caller;
import dev.hoist.api.blob.BlobSigner;
import dev.hoist.api.blob.BlobStore;
import dev.hoist.api.release.ReleaseRepository;
import dev.hoist.api.web.ApiException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public builds API: create from a source tarball, list, info; build cache; buildpacks;
 * sources.
 */
@RestController
class BuildController {
  private final AppAccess access;
  private final BuildService builds;
  private final Buildpacks buildpacks;
  private final ReleaseRepository releases;
  private final BlobSigner signer;
  private final BlobStore blobs;
  private final ApiSettings settings;

  BuildController(
      AppAccess access,
      BuildService builds,
      Buildpacks buildpacks,
      ReleaseRepository releases,
      BlobSigner signer,
      BlobStore blobs,
      ApiSettings settings) {
    this.access = access;
    this.builds = builds;
    this.buildpacks = buildpacks;
    this.releases = releases;
    this.signer = signer;
    this.blobs = blobs;
    this.settings = settings;
  }

  record SourceBlob(String url, String version, String versionDescription, String checksum) {}

  record BuildpackUrl(String url, String name) {}

  record CreateBuild(SourceBlob sourceBlob, List<BuildpackUrl> buildpacks) {}

  @PostMapping("/apps/{app}/builds")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  BuildView create(Caller caller, @PathVariable String app, @RequestBody CreateBuild body) {
    App found = access.changeable(caller, app);
    if (body.sourceBlob() == null) throw ApiException.invalid("source_blob is required");
    List<String> packs =
        body.buildpacks() == null
            ? null
            : body.buildpacks().stream()
                .map(b -> b == null ? null : b.url() != null ? b.url() : b.name())
                .toList();
    Build b =
        builds.create(
            found,
            body.sourceBlob().url(),
            body.sourceBlob().version(),
            body.sourceBlob().versionDescription(),
            packs,
            caller.id());
    return view(b, found);
  }

  @GetMapping("/apps/{app}/builds")
  @Transactional(readOnly = true)
  List<BuildView> list(Caller caller, @PathVariable String app) {
    App found = access.visible(caller, app);
    return builds.all(found).stream().map(b -> view(b, found)).toList();
  }

  @GetMapping("/apps/{app}/builds/{id}")
  @Transactional(readOnly = true)
  BuildView info(Caller caller, @PathVariable String app, @PathVariable String id) {
    App found = access.visible(caller, app);
    return view(builds.get(found, id), found);
  }

  @DeleteMapping("/apps/{app}/build-cache")
  @Transactional(readOnly = true)
  Map<String, String> clearCache(Caller caller, @PathVariable String app) throws IOException {
    blobs.delete("caches/" + access.changeable(caller, app).id() + ".tgz");
    return Map.of();
  }

  record Installation(int ordinal, BuildpackUrl buildpack) {}

  record Update(String buildpack) {}

  record Updates(List<Update> updates) {}

  @GetMapping("/apps/{app}/buildpack-installations")
  @Transactional(readOnly = true)
  List<Installation> installations(Caller caller, @PathVariable String app) {
    return installations(buildpacks.of(access.visible(caller, app)));
  }

  @PutMapping("/apps/{app}/buildpack-installations")
  @Transactional
  List<Installation> setInstallations(
      Caller caller, @PathVariable String app, @RequestBody Updates body) {
    App found = access.changeable(caller, app);
    if (body.updates() == null)
      throw ApiException.invalid("updates is required (an empty list clears)");
    List<String> urls = body.updates().stream().map(u -> u == null ? null : u.buildpack()).toList();
    return installations(buildpacks.replace(found, urls));
  }

  private static List<Installation> installations(List<String> urls) {
    return java.util.stream.IntStream.range(0, urls.size())
        .mapToObj(i -> new Installation(i, new BuildpackUrl(urls.get(i), urls.get(i))))
        .toList();
  }

  record Source(String getUrl, String putUrl) {}

  record SourceAnswer(Source sourceBlob) {}

  @PostMapping("/sources")
  @ResponseStatus(HttpStatus.CREATED)
  SourceAnswer source(Caller caller) {
    String key = "sources/" + UUID.randomUUID() + ".tgz";
    return new SourceAnswer(new Source(signer.url("GET", key), signer.url("PUT", key)));
  }

  private BuildView view(Build b, App app) {
    Integer version =
        b.releaseId() == null
            ? null
            : releases
                .findById(b.releaseId())
                .map(dev.hoist.api.release.Release::version)
                .orElse(null);
    return BuildView.of(b, app, version, signer, settings.stack());
  }
}
