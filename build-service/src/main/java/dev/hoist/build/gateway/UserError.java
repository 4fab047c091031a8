package dev.hoist.build.gateway;

/**
 * A request the gateway refuses because of what the user sent: an unknown app, a command it does
 * not run, a bad path. The message is shown to the user as is ({@code fatal: <message>}) and is not
 * logged as an error; it must not hold secrets or internal detail.
 */
public final class UserError extends Exception {
  public UserError(String message) {
    super(message, null, false, false);
  }
}
