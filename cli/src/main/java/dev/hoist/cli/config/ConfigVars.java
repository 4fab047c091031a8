package dev.hoist.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Config vars as text on the command line: {@code KEY=value} arguments read and checked (also for
 * {@code hoist run -e}), and values printed sorted and, for a shell, quoted.
 */
public final class ConfigVars {

  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Characters that need no quoting in a POSIX shell word. */
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ConfigVars() {}

  /**
   * {@code KEY=value} pairs in order; the value is everything after the first '=' and may be empty.
   */
  public static Map<String, String> parseAssignments(List<String> args) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("'" + arg + "' is not KEY=value");
      }
      vars.put(checkKey(arg.substring(0, eq)), arg.substring(eq + 1));
    }
    return vars;
  }

  static String checkKey(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "invalid config key '"
              + key
              + "': keys are letters, digits and '_', not starting with a digit");
    }
    return key;
  }

  static Map<String, String> sorted(JsonNode vars) {
    Map<String, String> sorted = new TreeMap<>();
    vars.fields()
        .forEachRemaining(
            e -> sorted.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
    return sorted;
  }

  /** {@code 'it''s'}-style quoting, only when the value would not survive the shell as is. */
  static String shellQuote(String value) {
    if (SHELL_SAFE.matcher(value).matches()) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
