package dev.hoist.cli.releases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.api.ApiClient;
import dev.hoist.cli.api.ApiPaths;
import java.util.Map;
import java.util.Optional;

/**
 * An app's release history: newest-first pages, the current release, and parsing {@code v5} /
 * {@code 5}.
 */
public final class ReleaseHistory {

  private ReleaseHistory() {}

  /** The newest {@code max} releases, newest first, via the {@code Range} header. */
  static JsonNode newestFirst(ApiClient api, String app, int max) {
    return api.get(
        ApiPaths.of("apps", app, "releases"),
        Map.of("Range", "version ..; order=desc, max=" + max));
  }

  /** The release marked current among the newest ones; the newest when none is marked. */
  static Optional<JsonNode> current(ApiClient api, String app) {
    JsonNode page = newestFirst(api, app, 10);
    for (JsonNode release : page) {
      if (release.path("current").asBoolean(false)) {
        return Optional.of(release);
      }
    }
    return page.isArray() && page.size() > 0 ? Optional.of(page.get(0)) : Optional.empty();
  }

  /** {@code v5} for the current release, or an empty string when the app has none. */
  public static String currentVersionLabel(ApiClient api, String app) {
    return current(api, app).map(r -> "v" + r.path("version").asInt()).orElse("").strip();
  }

  /** {@code "v5"} or {@code "5"} → 5; anything else is an {@link IllegalArgumentException}. */
  static int parseVersion(String text) {
    String digits = text.startsWith("v") || text.startsWith("V") ? text.substring(1) : text;
    if (!digits.matches("[0-9]{1,9}") || Integer.parseInt(digits) < 1) {
      throw new IllegalArgumentException("'" + text + "' is not a release version like v5");
    }
    return Integer.parseInt(digits);
  }
}
