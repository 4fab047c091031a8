package dev.hoist.cli.io;

/**
 * The contents of {@code credentials.json}: where the API is and who we are. Any field may be null
 * (the platform launcher may write a file with no key; {@code hoist logout} removes the key).
 */
public record Credentials(String apiUrl, String email, String apiKey) {

  static final Credentials NONE = new Credentials(null, null, null);

  public Credentials withoutKey() {
    return new Credentials(apiUrl, email, null);
  }
}
