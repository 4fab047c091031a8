package dev.hoist.api.web;

import org.springframework.http.HttpStatus;

/**
 * The api's one typed error: a refusal meant for the caller. It carries an HTTP {@link #status()},
 * a stable machine-readable {@link #id()} ({@code not_found}, {@code invalid_params}, ...: what
 * clients such as the cli and the components branch on) and a message that is shown to the user as
 * it is, so say what was wrong and, where it helps, what is allowed.
 *
 * <p>Throw it from a controller or a service; being unchecked, it also rolls back the transaction
 * it leaves. {@link ApiErrorHandler} writes it as {@link ApiError} {@code {"id": ..., "message":
 * ...}} with its status and does not log it; the handler also maps Spring's own refusals
 * (unreadable body, missing parameter, wrong method, unknown path) onto these factories, and
 * anything that is not an {@code ApiException} becomes a logged 500 {@code internal_error} with a
 * reference. Servlet filters run before that handler and write {@link ApiError} themselves.
 *
 * <p>Pick the factory by what the caller should do next:
 *
 * <ul>
 *   <li>{@link #notFound} (404 {@code not_found}): the named thing does not exist, or the caller
 *       may not see it (an app they neither own nor collaborate on answers the same, so names never
 *       leak);
 *   <li>{@link #invalid} (422 {@code invalid_params}): the request was read, but a value breaks a
 *       rule (a name, a status, a size, a field that is required);
 *   <li>{@link #badRequest} (400 {@code bad_request}): the request itself is malformed: a body of
 *       the wrong shape, a parameter missing, of the wrong type or out of range;
 *   <li>{@link #conflict} (409 {@code conflict}): the request is sound but the current state
 *       refuses it (a name taken, a build no longer building, a race lost to another request);
 *   <li>{@link #unauthorized} (401 {@code unauthorized}): no valid credentials;
 *   <li>{@link #forbidden} (403 {@code forbidden}): the caller is known but may not do this (not
 *       the owner, not the admin), or a signed URL is not valid or has expired;
 *   <li>{@link #tooLarge} (413 {@code payload_too_large}): more than a limit allows (the size limit
 *       on the body itself raises {@link PayloadTooLargeException}, which ends the same way).
 * </ul>
 *
 * Any other status takes the constructor with its own {@code id} (as 405, 406, 415 and 416 do).
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
