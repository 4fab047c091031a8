package dev.hoist.cli.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.api.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Heroku-style text output: {@code === Heading} lines, aligned {@code Key: value} blocks, times,
 * sizes.
 */
public final class Output {

  private Output() {}

  public static void heading(PrintWriter out, String title) {
    out.println("=== " + title);
  }

  /** {@code Key: value} with the values aligned one space past the longest key's colon. */
  public static void keyValues(PrintWriter out, Map<String, String> values) {
    int width = values.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
    values.forEach(
        (key, value) -> {
          String label = key + ":";
          out.println(
              (label + " ".repeat(width - label.length() + 1) + (value == null ? "" : value))
                  .stripTrailing());
        });
  }

  /** The API's JSON exactly as received, pretty-printed (for {@code --json}). */
  public static void json(PrintWriter out, JsonNode json) {
    out.println(Json.pretty(json));
  }

  /**
   * {@code "3m ago"} for times within the last week, otherwise the ISO timestamp as the API gave
   * it.
   */
  public static String when(String isoTime, Instant now) {
    if (isoTime == null || isoTime.isBlank()) {
      return "";
    }
    Instant time;
    try {
      time = Instant.parse(isoTime);
    } catch (DateTimeParseException e) {
      return isoTime;
    }
    Duration age = Duration.between(time, now);
    if (age.isNegative() || age.compareTo(Duration.ofDays(7)) >= 0) {
      return isoTime;
    }
    if (age.toSeconds() < 60) {
      return age.toSeconds() + "s ago";
    }
    if (age.toMinutes() < 60) {
      return age.toMinutes() + "m ago";
    }
    if (age.toHours() < 24) {
      return age.toHours() + "h ago";
    }
    return age.toDays() + "d ago";
  }

  /** {@code standard-1x} or {@code standard-1X} → {@code Standard-1X}, as Heroku prints sizes. */
  public static String sizeLabel(String size) {
    if (size == null || size.isEmpty()) {
      return "";
    }
    String upper = size.toUpperCase(Locale.ROOT);
    String lower = size.toLowerCase(Locale.ROOT);
    String label = upper.charAt(0) + lower.substring(1);
    return label.matches(".*-\\d+x") ? label.substring(0, label.length() - 1) + "X" : label;
  }

  /** The size of a formation entry: {@code dyno_size.name}, else {@code size}. */
  public static String formationSize(JsonNode formation) {
    String size = Json.text(formation, "dyno_size.name", null);
    return sizeLabel(size != null ? size : Json.text(formation, "size", ""));
  }
}
