package dev.hoist.internal.builds;

import dev.hoist.internal.Blobs;
import dev.hoist.internal.InternalApi;
import dev.hoist.internal.InternalApiException;
import dev.hoist.internal.builds.BuildRecords.Access;
import dev.hoist.internal.builds.BuildRecords.Account;
import dev.hoist.internal.builds.BuildRecords.AppRef;
import dev.hoist.internal.builds.BuildRecords.Build;
import dev.hoist.internal.builds.BuildRecords.NewBuild;
import dev.hoist.internal.builds.BuildRecords.SignedUrls;
import dev.hoist.internal.builds.BuildRecords.SourceBlob;
import dev.hoist.internal.builds.BuildRecords.UserRef;
import dev.hoist.internal.builds.BuildRecords.Who;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The api as the git gateway sees it: who is pushing, may they, where do sources go, start a build.
 */
public class GatewayApi {
  private final InternalApi http;
  private final Blobs blobs;

  public GatewayApi(InternalApi http) {
    this.http = http;
    this.blobs = new Blobs(http);
  }

  public Blobs blobs() {
    return blobs;
  }

  /** The account that registered the SSH key with this fingerprint ({@code SHA256:…}), if any. */
  public Optional<Account> accountForKey(String fingerprint) throws IOException {
    // A query parameter, not a path segment: base64 fingerprints hold '/', which servlet containers
    // refuse when encoded in a path.
    return http.find("/internal/keys?fingerprint=" + encode(fingerprint), Who.class)
        .map(Who::account);
  }

  /** The account whose API key this is; empty when the api says 401 (a bad key). */
  public Optional<Account> accountForApiKey(String apiKey) throws IOException {
    try {
      return Optional.of(
          http.post("/internal/auth", Map.of("api_key", apiKey), Who.class).account());
    } catch (InternalApiException e) {
      if (e.status() == 401 || e.status() == 404) return Optional.empty();
      throw e;
    }
  }

  /**
   * The app if the account owns or collaborates on it; empty otherwise (also for a missing app).
   */
  public Optional<AppRef> access(String app, String accountId) throws IOException {
    return http.find("/internal/apps/" + encode(app) + "/access/" + encode(accountId), Access.class)
        .map(Access::app);
  }

  /** Signed URLs of a new source tarball blob. */
  public SignedUrls newSource(String app) throws IOException {
    return http.post("/internal/apps/" + encode(app) + "/sources", null, SignedUrls.class);
  }

  /** Signed URLs of the app's repository archive (the gateway's disk is only a cache of it). */
  public SignedUrls repository(String app) throws IOException {
    return http.get("/internal/apps/" + encode(app) + "/repo", SignedUrls.class);
  }

  public Build createBuild(String app, SourceBlob source, String accountId) throws IOException {
    return http.post(
        "/internal/apps/" + encode(app) + "/builds",
        new NewBuild(source, new UserRef(accountId)),
        Build.class);
  }

  public Build build(String app, String buildId) throws IOException {
    return http.get("/internal/apps/" + encode(app) + "/builds/" + encode(buildId), Build.class);
  }

  /** The build's live output: plain text that ends when the build ends. The caller closes it. */
  public InputStream output(Build build) throws IOException {
    return http.stream(http.resolve(build.outputStreamUrl()));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
