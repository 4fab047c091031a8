package dev.hoist.build.api;

import java.io.IOException;

/**
 * The api answered with an error status ({@code {"id", "message"}}), or could not be reached (status 0).
 * The message names the call's path, never its query or the token.
 */
public class ApiException extends IOException {
  private final int status;
  private final String id;

  public ApiException(int status, String id, String message) {
    super(message);
    this.status = status;
    this.id = id;
  }

  public ApiException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.id = "unreachable";
  }

  public int status() {
    return status;
  }

  public String id() {
    return id;
  }

  public boolean isNotFound() {
    return status == 404;
  }
}
