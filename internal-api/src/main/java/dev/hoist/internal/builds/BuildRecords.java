package dev.hoist.internal.builds;

import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of builds on the internal API: the git gateway's side and the slug compiler's.
 */
public final class BuildRecords {
  private BuildRecords() {}

  public record Account(String id, String email) {}

  /** {@code {account: {...}}}: the answer of key lookups and API-key checks. */
  public record Who(Account account) {}

  /** An app as the gateway and the builder need it. */
  public record AppRef(String id, String name) {}

  public record Access(AppRef app) {}

  /** A signed GET/PUT pair for one blob. */
  public record SignedUrls(String getUrl, String putUrl) {
    @Override
    public String toString() { // signed URLs are secrets while they are valid
      return "SignedUrls[…]";
    }
  }

  public record SourceBlob(String url, String version, String versionDescription) {
    @Override
    public String toString() { // the url is a signed one
      return "SourceBlob[" + version + "]";
    }
  }

  public record UserRef(String id) {}

  public record NewBuild(SourceBlob sourceBlob, UserRef user) {}

  public record ReleaseRef(String id, Integer version) {}

  /** A build (Heroku's shape); {@code status} is pending, building, succeeded or failed. */
  public record Build(
      String id,
      AppRef app,
      String status,
      String outputStreamUrl,
      ReleaseRef release,
      String message) {
    public boolean finished() {
      return "succeeded".equals(status) || "failed".equals(status);
    }
  }

  /** A claimed build: everything a builder needs, as values and signed URLs. */
  public record Job(
      String id,
      AppRef app,
      String sourceUrl,
      String version,
      String cacheGetUrl,
      String cachePutUrl,
      Map<String, String> env,
      List<String> buildpacks,
      String stack,
      int timeoutSeconds,
      long maxSlugBytes) {
    @Override
    public String toString() { // env holds config values; the URLs are signed
      return "Job[" + id + ", " + (app == null ? null : app.name()) + "]";
    }
  }

  public record NewSlug(Map<String, String> processTypes, String checksum) {}

  public record SlugCreated(String id, String putUrl) {
    @Override
    public String toString() { // the put URL is a secret while it is valid
      return "SlugCreated[" + id + "]";
    }
  }

  /** The body of {@code /finish}: a slug id on success, a one-line reason on failure. */
  public record Finish(String status, String slug, String message) {
    public static Finish succeeded(String slug) {
      return new Finish("succeeded", slug, null);
    }

    public static Finish failed(String message) {
      return new Finish("failed", null, message);
    }
  }

  public record Finished(String status, ReleaseRef release) {}
}
