package dev.hoist.dynos.api;

/** The api could not be reached, or answered with an error status. */
public class ApiException extends Exception {
  private final int status;

  public ApiException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status, or 0 when there was no answer at all. */
  public int status() {
    return status;
  }
}
