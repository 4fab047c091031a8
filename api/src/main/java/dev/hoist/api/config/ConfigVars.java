package dev.hoist.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.api.web.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules of config vars, and how a PATCH applies: keys {@code ^[A-Za-z_][A-Za-z0-9_]*$}, string
 * values, {@code null} to unset, at most 32 KiB of keys and values together per app; {@code
 * ERROR_PAGE_URL} and {@code MAINTENANCE_PAGE_URL}, when set, absolute http or https URLs.
 */
final class ConfigVars {
  static final Pattern KEY = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
  static final int MAX_BYTES = 32 * 1024;

  /** Read by the router, which frames them in its 503 pages (docs/router.md, "Error pages"). */
  static final Set<String> PAGE_URLS = Set.of("ERROR_PAGE_URL", "MAINTENANCE_PAGE_URL");

  private ConfigVars() {}

  /** The result of applying {@code patch} to {@code config}, and a description of the change. */
  record Change(Map<String, String> result, List<String> set, List<String> unset) {
    boolean changes(Map<String, String> before) {
      return !result.equals(before);
    }

    String description() {
      List<String> parts = new ArrayList<>();
      if (!set.isEmpty()) parts.add("Set " + String.join(", ", set));
      if (!unset.isEmpty())
        parts.add((set.isEmpty() ? "Unset " : "unset ") + String.join(", ", unset));
      return String.join(", ", parts) + " config vars";
    }
  }

  /**
   * Absolute, http or https, with a host: what a browser can load in a frame (the router checks the
   * same).
   */
  static boolean pageUrl(String text) {
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  static Change apply(Map<String, String> config, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      throw ApiException.badRequest(
          "send a JSON object of config vars, e.g. {\"KEY\": \"value\", \"OLD\": null}");
    }
    if (patch.isEmpty()) throw ApiException.invalid("no config vars given");
    Map<String, String> result = new TreeMap<>(config);
    List<String> set = new ArrayList<>();
    List<String> unset = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (!KEY.matcher(key).matches()) {
        throw ApiException.invalid(
            "config key '"
                + key
                + "' is not allowed: use letters, digits and _, "
                + "not starting with a digit");
      }
      JsonNode value = e.getValue();
      if (value.isNull()) {
        if (result.remove(key) != null) unset.add(key);
      } else if (value.isTextual()) {
        if (PAGE_URLS.contains(key) && !pageUrl(value.textValue())) {
          throw ApiException.invalid(
              key
                  + " must be an absolute http or https URL, such as "
                  + "https://pages.example.com/"
                  + (key.startsWith("MAINTENANCE") ? "maintenance" : "error")
                  + ".html");
        }
        result.put(key, value.textValue());
        if (!value.textValue().equals(config.get(key))) set.add(key);
      } else {
        throw ApiException.invalid(
            "the value of " + key + " must be a string (or null to unset it)");
      }
    }
    int bytes =
        result.entrySet().stream()
            .mapToInt(
                e ->
                    e.getKey().getBytes(StandardCharsets.UTF_8).length
                        + e.getValue().getBytes(StandardCharsets.UTF_8).length)
            .sum();
    if (bytes > MAX_BYTES) {
      throw ApiException.invalid(
          "config vars would total " + bytes + " bytes; the limit is " + MAX_BYTES);
    }
    return new Change(result, set, unset);
  }
}
