package dev.hoist.cli;

/**
 * The command line itself is wrong in a way picocli cannot see (no app to work on, a remote that
 * does not exist). Printed as {@code "hoist: message"} on standard error; exit code 1. Nothing was
 * sent.
 */
class UsageException extends RuntimeException {

  UsageException(String message) {
    super(message);
  }
}
