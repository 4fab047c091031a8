package dev.hoist.api.domain;

import dev.hoist.api.web.ApiException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule a custom domain's hostname follows, and its stored form. A hostname is DNS letters,
 * digits and hyphens ({@code xn--} labels for international names): at least two labels of 1 to 63
 * characters, none starting or ending with a hyphen, 253 characters in all, the last label not all
 * digits (so no IP address passes). A wildcard is one leading {@code *.} before such a name ({@code
 * *.example.com}); it stands for exactly one label, as a wildcard certificate does. Case does not
 * matter and one trailing dot (the fully qualified form) is dropped: the stored form is lower case
 * with no trailing dot, the form the router looks up a {@code Host} header in.
 *
 * <p>Every refusal is 422 {@code invalid_params} and names what is wrong.
 */
final class Hostnames {
  static final int MAX_LENGTH = 253;
  static final int MAX_LABEL = 63;
  static final String WILDCARD = "*.";

  private static final Pattern LABEL = Pattern.compile("^[a-z0-9-]+$");
  private static final Pattern IPV4 = Pattern.compile("^[0-9.]+$");

  private Hostnames() {}

  /** The stored form of {@code input}, or 422 when it is not a hostname a domain may have. */
  static String normalize(String input) {
    if (input == null || input.isBlank()) throw invalid("hostname is required");
    if (input.length() > MAX_LENGTH + 1) {
      throw invalid(
          "hostname is " + input.length() + " characters long; the limit is " + MAX_LENGTH);
    }
    for (int i = 0; i < input.length(); i++) {
      if (input.charAt(i) > 0x7f) {
        throw invalid(
            "hostname '"
                + input
                + "' has characters outside ASCII: give an international name in its"
                + " punycode (xn--) form");
      }
    }
    String host = input.toLowerCase(Locale.ROOT);
    if (host.contains("://") || host.contains("/")) {
      throw invalid(
          "'" + input + "' is not a hostname: give the name alone, such as www.example.com");
    }
    if (host.startsWith("[") || host.indexOf(':') != host.lastIndexOf(':')) throw ipAddress(input);
    if (host.contains(":")) {
      throw invalid("hostname '" + input + "' must not carry a port: give the name alone");
    }
    if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
    if (host.length() > MAX_LENGTH) {
      throw invalid(
          "hostname is " + host.length() + " characters long; the limit is " + MAX_LENGTH);
    }
    boolean wildcard = host.startsWith(WILDCARD);
    String name = wildcard ? host.substring(WILDCARD.length()) : host;
    if (name.contains("*")) {
      throw invalid(
          "hostname '"
              + input
              + "' is not allowed: a wildcard is one leading '*.' and nothing else, such as"
              + " *.example.com");
    }
    if (IPV4.matcher(name).matches()) throw ipAddress(input);
    String[] labels = name.split("\\.", -1);
    for (String label : labels) checkLabel(input, label);
    if (labels.length < 2) {
      throw invalid(
          "hostname '"
              + input
              + "' is not a full domain name: give one with at least two labels, such as "
              + (wildcard ? "*.example.com" : "www.example.com"));
    }
    if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) throw ipAddress(input);
    return host;
  }

  /**
   * {@code host}'s stored form for a lookup: lower case, no trailing dot, and nothing refused (a
   * name that cannot be a domain is simply not found).
   */
  static String lookup(String host) {
    String lower = host.strip().toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  /** Whether a stored hostname is a wildcard ({@code *.example.com}). */
  static boolean wildcard(String host) {
    return host.startsWith(WILDCARD);
  }

  /**
   * Whether a stored hostname is the apps domain itself or below it (a wildcard counts by the name
   * after its {@code *.}): those names are the platform's, each app's default domain among them.
   */
  static boolean underAppsDomain(String host, String appsDomain) {
    String domain = lookup(appsDomain);
    String name = wildcard(host) ? host.substring(WILDCARD.length()) : host;
    return name.equals(domain) || name.endsWith("." + domain);
  }

  private static void checkLabel(String input, String label) {
    if (label.isEmpty()) {
      throw invalid(
          "hostname '" + input + "' has an empty label (two dots in a row, or a dot first)");
    }
    if (label.length() > MAX_LABEL) {
      throw invalid(
          "hostname '"
              + input
              + "' has a label of "
              + label.length()
              + " characters; the limit is "
              + MAX_LABEL);
    }
    if (!LABEL.matcher(label).matches()) {
      throw invalid(
          "hostname '"
              + input
              + "' is not allowed: use letters, digits, hyphens and dots (no '_', spaces or other"
              + " signs)");
    }
    if (label.startsWith("-") || label.endsWith("-")) {
      throw invalid(
          "hostname '"
              + input
              + "' has a label that starts or ends with a hyphen: '"
              + label
              + "'");
    }
  }

  private static ApiException ipAddress(String input) {
    return invalid("'" + input + "' is an IP address: a domain is a name, such as www.example.com");
  }

  private static ApiException invalid(String message) {
    return ApiException.invalid(message);
  }
}
