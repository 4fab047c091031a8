package dev.hoist.cli.builds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.CliException;
import dev.hoist.cli.api.ApiClient;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finding builds: the list, one build by id or by the id's first characters (as {@code hoist
 * builds} shows them), and the short labels the commands print.
 */
final class BuildLookup {

  static final Pattern UUID = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

  private BuildLookup() {}

  /** Every build of the app, oldest first, as the API lists them. */
  static List<JsonNode> oldestFirst(ApiClient api, String app) {
    List<JsonNode> builds = new ArrayList<>();
    api.get(ApiPaths.of("apps", app, "builds")).forEach(builds::add);
    return builds;
  }

  /**
   * The build named by {@code id}: a full id is read directly, a shorter one is looked up among the
   * app's builds and must start exactly one id. Without an id, the newest build.
   */
  static JsonNode find(ApiClient api, String app, String id) {
    if (id != null && UUID.matcher(id).matches()) {
      return api.get(ApiPaths.of("apps", app, "builds", id));
    }
    List<JsonNode> builds = oldestFirst(api, app);
    if (id == null) {
      if (builds.isEmpty()) {
        throw new CliException(app + " has no builds");
      }
      return builds.get(builds.size() - 1);
    }
    String prefix = id.toLowerCase(Locale.ROOT);
    List<JsonNode> matches =
        builds.stream()
            .filter(b -> Json.text(b, "id").toLowerCase(Locale.ROOT).startsWith(prefix))
            .toList();
    if (matches.isEmpty()) {
      throw new CliException(
          "no build of "
              + app
              + " has an id starting with "
              + id
              + ": see 'hoist builds -a "
              + app
              + "'");
    }
    if (matches.size() > 1) {
      throw new CliException(
          matches.size()
              + " builds of "
              + app
              + " have an id starting with "
              + id
              + ": give more of the id");
    }
    return matches.get(0);
  }

  /**
   * A blank id would match every build by prefix; {@code usage} makes the refusal that says so
   * instead.
   */
  static String checkId(String id, Function<String, ? extends RuntimeException> usage) {
    if (id != null && id.isBlank()) {
      throw usage.apply("the build id is empty");
    }
    return id == null ? null : id.strip();
  }

  /** Pending and building builds may still write output; succeeded and failed ones are done. */
  static boolean finished(JsonNode build) {
    String status = Json.text(build, "status");
    return status.equals("succeeded") || status.equals("failed");
  }

  static String shortId(JsonNode build) {
    return first(Json.text(build, "id"), 8);
  }

  static String shortVersion(JsonNode build) {
    return first(Json.text(build, "source_blob.version"), 7);
  }

  private static String first(String text, int n) {
    return text.length() > n ? text.substring(0, n) : text;
  }
}
