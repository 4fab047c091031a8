package dev.hoist.api.auth;

/**
 * Paths whose authority is a signature in the URL, not a bearer token (blob downloads and uploads).
 */
public final class SignedPaths {
  private SignedPaths() {}

  public static boolean isSigned(String path) {
    return path.startsWith("/blobs/") || path.startsWith("/log-sessions/");
  }
}
