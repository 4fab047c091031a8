package dev.hoist.api.build;

import dev.hoist.api.app.App;
import dev.hoist.api.app.AppRef;
import dev.hoist.api.blob.BlobSigner;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A build as the API shows it (Heroku's shape). */
record BuildView(
    UUID id,
    AppRef app,
    String status,
    String outputStreamUrl,
    SourceBlob sourceBlob,
    List<BuildpackRef> buildpacks,
    Ref slug,
    ReleaseRef release,
    String stack,
    UserRef user,
    String message,
    Instant createdAt,
    Instant updatedAt) {

  record SourceBlob(String url, String version, String versionDescription) {}

  record BuildpackRef(String url, String name) {}

  record Ref(UUID id) {}

  record ReleaseRef(UUID id, Integer version) {}

  record UserRef(UUID id) {}

  static BuildView of(Build b, App app, Integer releaseVersion, BlobSigner signer, String stack) {
    return new BuildView(
        b.id(),
        AppRef.of(app),
        b.status(),
        signer.url("GET", BuildOutput.key(b.id())),
        new SourceBlob(b.sourceUrl(), b.sourceVersion(), b.sourceDescription()),
        b.buildpacks().stream().map(u -> new BuildpackRef(u, u)).toList(),
        b.slugId() == null ? null : new Ref(b.slugId()),
        b.releaseId() == null ? null : new ReleaseRef(b.releaseId(), releaseVersion),
        stack,
        b.userId() == null ? null : new UserRef(b.userId()),
        b.message(),
        b.createdAt(),
        b.updatedAt());
  }
}
