package dev.hoist.internal;

import java.io.IOException;

/**
 * A call to the api failed: it answered an error status with its {@code {"id", "message"}} body, or
 * it could not be reached at all ({@link #status()} 0, id {@code unreachable}). The one checked
 * exception of the internal API; an {@link IOException} because that is what it is to its callers,
 * which mostly treat every failure alike: keep the last state and try again. Messages name the
 * call's method and path, never its query (signed URLs carry secrets there) nor the token.
 */
public class InternalApiException extends IOException {
  private final int status;
  private final String id;

  public InternalApiException(int status, String id, String message) {
    super(message);
    this.status = status;
    this.id = id;
  }

  /** The api could not be reached, or the exchange broke off. */
  public static InternalApiException unreachable(String message, Throwable cause) {
    InternalApiException e = new InternalApiException(0, "unreachable", message);
    e.initCause(cause);
    return e;
  }

  /**
   * The calling thread was interrupted: a stop, not an outage (status 0, id {@code interrupted}).
   */
  public static InternalApiException interrupted(InterruptedException cause) {
    InternalApiException e =
        new InternalApiException(0, "interrupted", "interrupted while calling the api");
    e.initCause(cause);
    return e;
  }

  /** The call was cut short by an interrupt: the caller is being stopped, and must not retry. */
  public boolean isInterrupted() {
    return "interrupted".equals(id);
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }

  /**
   * The api's error id ({@code not_found}, {@code invalid_params}, ...), or {@code http_STATUS} for
   * a body that is not the api's.
   */
  public String id() {
    return id;
  }

  public boolean isNotFound() {
    return status == 404;
  }

  /** No answer at all, or a 5xx: the api is away or broken, and asking again later may work. */
  public boolean isTransient() {
    return !isInterrupted() && (status == 0 || status >= 500);
  }
}
