package dev.hoist.build;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A short reference for an internal error: the user sees {@code internal error (ref 3f9c21)} and
 * the log has the same reference with the cause, so an operator can find one from the other.
 */
public final class ErrorRef {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ErrorRef() {}

  public static String next() {
    byte[] b = new byte[3];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
