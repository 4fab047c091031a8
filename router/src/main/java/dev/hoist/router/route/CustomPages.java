package dev.hoist.router.route;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An app's own pages for the router's 503 answers, from its {@code ERROR_PAGE_URL} and {@code
 * MAINTENANCE_PAGE_URL} config vars. As on Heroku, the router does not fetch them: it answers with
 * a small HTML page that shows the URL in a full-window iframe, so the page lives wherever the
 * owner keeps it (outside the app, which is down) and costs the router no request of its own. Built
 * once per route table, so an error costs no allocation.
 *
 * <p>A URL that is not absolute http or https is ignored here (the api refuses such values; a route
 * table from elsewhere may still carry one), and the router's own page is served instead.
 */
public record CustomPages(byte[] error, byte[] maintenance) {
  public static final CustomPages NONE = new CustomPages(null, null);

  public static CustomPages of(String errorUrl, String maintenanceUrl) {
    byte[] error = page(errorUrl, "Application error");
    byte[] maintenance = page(maintenanceUrl, "Offline for maintenance");
    return error == null && maintenance == null ? NONE : new CustomPages(error, maintenance);
  }

  /** Whether {@code url} can be shown: absolute, http or https, with a host. */
  public static boolean usable(String url) {
    if (url == null || url.isBlank()) return false;
    try {
      URI uri = new URI(url.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static byte[] page(String url, String title) {
    if (!usable(url)) return null;
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
            + title
            + "</title>"
            + "<style>html,body,iframe{margin:0;padding:0;border:0;width:100%;height:100%;overflow:hidden}</style>"
            + "</head><body><iframe src=\""
            + attribute(url.trim())
            + "\"></iframe></body></html>\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Escaped for a double-quoted attribute: the URL is the app owner's text, the page the end
   * user's.
   */
  private static String attribute(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
