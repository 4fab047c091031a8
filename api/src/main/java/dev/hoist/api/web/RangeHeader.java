package dev.hoist.api.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * A Heroku-style list range: {@code Range: version ]5..; order=desc, max=10}. The first bound is
 * where the walk starts in the chosen order ({@code ]} makes it exclusive), the second where it
 * ends. The answer to a page that was cut short carries {@code Next-Range} to fetch the rest.
 */
public record RangeHeader(
    String field, Integer start, boolean startExclusive, Integer end, boolean descending, int max) {
  public static final int DEFAULT_MAX = 200;
  public static final int LIMIT = 1000;
  private static final Pattern FORM =
      Pattern.compile("^\\s*(\\w+)\\s+(\\]?)(\\d*)\\s*\\.\\.\\s*(\\d*)\\s*(?:;\\s*(.*))?$");

  /** No header: the whole list in ascending order, up to the default page size. */
  public static RangeHeader all(String field) {
    return new RangeHeader(field, null, false, null, false, DEFAULT_MAX);
  }

  public static RangeHeader parse(String header, String field) {
    if (header == null || header.isBlank()) return all(field);
    Matcher m = FORM.matcher(header);
    if (!m.matches()) throw invalid("Range must look like '" + field + " ..; order=desc, max=10'");
    if (!m.group(1).equals(field)) throw invalid("this list can only be ranged by '" + field + "'");
    boolean descending = false;
    int max = DEFAULT_MAX;
    if (m.group(5) != null && !m.group(5).isBlank()) {
      for (String option : m.group(5).split(",")) {
        String[] kv = option.trim().split("=", 2);
        if (kv.length != 2)
          throw invalid("Range option '" + option.trim() + "' must be name=value");
        switch (kv[0].trim()) {
          case "order" ->
              descending =
                  switch (kv[1].trim()) {
                    case "asc" -> false;
                    case "desc" -> true;
                    default -> throw invalid("Range order must be asc or desc");
                  };
          case "max" -> max = parseMax(kv[1].trim());
          default -> throw invalid("Range option '" + kv[0].trim() + "' is not known");
        }
      }
    }
    return new RangeHeader(
        field, number(m.group(3)), !m.group(2).isEmpty(), number(m.group(4)), descending, max);
  }

  private static int parseMax(String value) {
    try {
      int max = Integer.parseInt(value);
      if (max >= 1 && max <= LIMIT) return max;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid("Range max must be a number from 1 to " + LIMIT);
  }

  private static Integer number(String s) {
    if (s == null || s.isEmpty()) return null;
    try {
      return Integer.valueOf(s);
    } catch (NumberFormatException e) {
      throw invalid("Range bound '" + s + "' is too large");
    }
  }

  /** Whether {@code value} lies within the bounds, in the walk's order. */
  public boolean admits(int value) {
    if (start != null) {
      int cmp = descending ? Integer.compare(start, value) : Integer.compare(value, start);
      if (cmp < 0 || cmp == 0 && startExclusive) return false;
    }
    if (end != null) {
      return descending ? value >= end : value <= end;
    }
    return true;
  }

  /** The header that continues after {@code last}. */
  public String next(int last) {
    return field
        + " ]"
        + last
        + ".."
        + (end == null ? "" : end)
        + "; order="
        + (descending ? "desc" : "asc")
        + ", max="
        + max;
  }

  private static ApiException invalid(String message) {
    return new ApiException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "invalid_range", message);
  }
}
