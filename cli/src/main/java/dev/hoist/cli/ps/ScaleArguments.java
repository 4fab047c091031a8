package dev.hoist.cli.ps;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code ps:scale} arguments: {@code web=2}, {@code web=2:standard-2x}, {@code worker+1},
 * {@code worker-1:standard-1x}. The whole list is parsed before anything is sent, so one bad
 * argument means nothing changes.
 */
final class ScaleArguments {

  /**
   * The type is matched reluctantly so {@code my-worker-1} reads as "my-worker minus 1" while
   * {@code my-worker=1} still reads as "my-worker set to 1".
   */
  private static final Pattern ARGUMENT =
      Pattern.compile("([A-Za-z0-9_-]+?)([=+-])([0-9]+)(?::([A-Za-z0-9-]+))?");

  static final String EXPECTED = "expected TYPE=N, TYPE+N or TYPE-N, optionally followed by :SIZE";

  /** One entry of {@code PATCH /apps/{app}/formation}'s {@code updates}. */
  record Update(String type, Object quantity, String size) {

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("type", type);
      json.put("quantity", quantity);
      if (size != null) {
        json.put("size", size);
      }
      return json;
    }
  }

  private ScaleArguments() {}

  /** Absolute quantities become numbers; relative ones the strings {@code "+1"} / {@code "-1"}. */
  static List<Update> parse(List<String> args) {
    List<Update> updates = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String arg : args) {
      Matcher m = ARGUMENT.matcher(arg);
      if (!m.matches()) {
        throw new IllegalArgumentException("invalid scale argument '" + arg + "': " + EXPECTED);
      }
      String type = m.group(1);
      if (!seen.add(type)) {
        throw new IllegalArgumentException("process type '" + type + "' is given more than once");
      }
      if (m.group(3).length() > 3) {
        throw new IllegalArgumentException(
            "invalid quantity in '" + arg + "': at most 100 dynos per type");
      }
      int amount = Integer.parseInt(m.group(3));
      Object quantity =
          switch (m.group(2)) {
            case "=" -> amount;
            case "+" -> "+" + amount;
            default -> "-" + amount;
          };
      updates.add(new Update(type, quantity, m.group(4)));
    }
    return updates;
  }
}
