package dev.hoist.cli.api;

/**
 * The API answered with an error status. {@code id} and {@code message} come from its {@code {"id",
 * "message"}} body; when the body is not that shape they are made from the status line.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final String id;

  ApiException(int status, String id, String message) {
    super(message);
    this.status = status;
    this.id = id;
  }

  public int status() {
    return status;
  }

  public String id() {
    return id;
  }

  /** A 4xx: the request was wrong or not allowed, which the user can fix. */
  public boolean isClientError() {
    return status >= 400 && status < 500;
  }
}
