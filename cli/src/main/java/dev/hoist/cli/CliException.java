package dev.hoist.cli;

/**
 * A command refused or failed for a reason the user can act on. Printed as {@code " ! message"} on
 * standard error; exit code 1.
 */
public class CliException extends RuntimeException {

  public CliException(String message) {
    super(message);
  }

  public CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
