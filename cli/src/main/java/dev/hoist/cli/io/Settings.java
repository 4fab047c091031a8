package dev.hoist.cli.io;

import dev.hoist.cli.CliException;

/**
 * Where the API is and which key to send, after applying precedence: {@code HOIST_API_URL} and
 * {@code HOIST_API_KEY} override the credentials file; the API URL defaults to {@value
 * #DEFAULT_API_URL}.
 */
public record Settings(String apiUrl, String apiKey, String email) {

  static final String DEFAULT_API_URL = "http://127.0.0.1:5000";

  public static Settings resolve(Environment env, Credentials file) {
    String url = firstOf(env.get("HOIST_API_URL"), file.apiUrl(), DEFAULT_API_URL);
    String key = firstOf(env.get("HOIST_API_KEY"), file.apiKey(), null);
    return new Settings(stripTrailingSlash(url), key, file.email());
  }

  /** The API key, or a refusal telling the user how to get one. */
  public String requireApiKey() {
    if (apiKey == null) {
      throw new CliException("not logged in: run 'hoist login' or set HOIST_API_KEY");
    }
    return apiKey;
  }

  public Settings withApiUrl(String url) {
    return new Settings(stripTrailingSlash(url), apiKey, email);
  }

  public Settings withApiKey(String key) {
    return new Settings(apiUrl, key, email);
  }

  private static String firstOf(String a, String b, String fallback) {
    if (a != null) {
      return a;
    }
    return b != null ? b : fallback;
  }

  private static String stripTrailingSlash(String url) {
    String result = url.trim();
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}
