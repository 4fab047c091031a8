package dev.hoist.cli.api;

import java.nio.charset.StandardCharsets;

/** Builds API paths with each variable segment percent-encoded. */
public final class ApiPaths {

  private ApiPaths() {}

  /** {@code ApiPaths.of("apps", name, "config-vars")} gives {@code /apps/NAME/config-vars}. */
  public static String of(String... segments) {
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      path.append('/').append(encode(segment));
    }
    return path.toString();
  }

  /**
   * Percent-encodes everything except RFC 3986 unreserved characters and {@code @} and {@code :}.
   */
  static String encode(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '@'
          || c == ':') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
