package dev.hoist.api.web;

import org.springframework.http.HttpStatus;

/**
 * An error meant for the caller: it becomes {@code {"id", "message"}} with its status. Throw the
 * subclass that names the situation; the message is shown to the user as it is, so say what was wrong
 * and, where it helps, what is allowed.
 */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String id;

  public ApiException(HttpStatus status, String id, String message) {
    super(message);
    this.status = status;
    this.id = id;
  }

  public HttpStatus status() {
    return status;
  }

  public String id() {
    return id;
  }

  public static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, "not_found", message);
  }

  public static ApiException invalid(String message) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_params", message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(HttpStatus.CONFLICT, "conflict", message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(HttpStatus.FORBIDDEN, "forbidden", message);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, "bad_request", message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", message);
  }

  public static ApiException tooLarge(String message) {
    return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", message);
  }
}
