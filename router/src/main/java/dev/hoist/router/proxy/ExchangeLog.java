package dev.hoist.router.proxy;

import dev.hoist.router.log.LogSink;
import dev.hoist.router.log.RouterLogLine;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * What one exchange's router log line will say, gathered as the exchange goes, and the line itself
 * ({@link RouterLogLine}, Heroku's format). Values that stay unknown (no dyno chosen, no connection
 * made, nothing sent) print empty.
 */
final class ExchangeLog {
  /** The dyno of the last try, or null. */
  String dyno;

  /** How long the connection to it took, 0 for a pooled one, -1 while none is made. */
  long connectMs = -1;

  /** When the request went to the dyno (nanoTime), 0 until it has. */
  long sentNanos;

  int status;

  /** Body bytes relayed to the client. */
  long bytes;

  /**
   * Writes the line to {@code app}'s log: none without an app (an unknown host), nor for an error
   * without an H-code.
   */
  void write(
      LogSink logs, String app, RequestFacts request, ProxyError error, boolean interrupted) {
    if (app != null && (error == null || error.code() != null)) {
      logs.log(app, line(request, error, interrupted));
    }
  }

  /**
   * The line. Its level says whose doing the outcome was: {@code info} for a success, and for an
   * app as its owner left it (maintenance, nothing deployed); {@code warning} when the client left;
   * otherwise {@code error}. An {@code interrupted} transfer (the response had started) names the
   * socket that broke it: a 4xx error is the client's doing (H26, H27, H28), a 5xx the dyno's (H15,
   * H18).
   */
  RouterLogLine line(RequestFacts request, ProxyError error, boolean interrupted) {
    long service =
        sentNanos == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentNanos);
    String at =
        error == null || error.informational()
            ? "info"
            : error == ProxyError.CLIENT_INTERRUPTED ? "warning" : "error";
    String sock = !interrupted ? null : error.status() < 500 ? "client" : "backend";
    return new RouterLogLine(
        at,
        error == null ? null : error.code(),
        error == null ? null : error.desc(),
        request.method(),
        request.path(),
        request.host(),
        request.requestId(),
        request.forwardedFor(),
        dyno,
        connectMs,
        service,
        status,
        bytes,
        request.proto(),
        sock,
        Instant.now());
  }
}
