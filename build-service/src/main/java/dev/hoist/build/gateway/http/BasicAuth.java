package dev.hoist.build.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The API key out of an {@code Authorization: Basic} header. Heroku's convention: the user name is
 * anything (an email, or empty), the password is the API key; {@code git} sends whatever the URL or
 * the credential helper gives it.
 */
final class BasicAuth {
  private static final int MAX_HEADER_CHARS = 8 * 1024;

  private BasicAuth() {}

  static Optional<String> apiKey(String header) {
    if (header == null
        || header.length() > MAX_HEADER_CHARS
        || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    String password = colon < 0 ? "" : decoded.substring(colon + 1);
    return password.isBlank() ? Optional.empty() : Optional.of(password);
  }
}
