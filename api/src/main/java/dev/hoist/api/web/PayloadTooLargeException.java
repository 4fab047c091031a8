package dev.hoist.api.web;

import java.io.IOException;

/**
 * Thrown from a size-limited body stream. It is an {@link IOException} so that readers (Jackson,
 * the blob store) stop at once; the error handler turns it into 413.
 */
public class PayloadTooLargeException extends IOException {
  public PayloadTooLargeException(long limit) {
    super("request body is larger than " + limit + " bytes");
  }
}
