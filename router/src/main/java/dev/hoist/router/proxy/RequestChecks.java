package dev.hoist.router.proxy;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.Iterator;
import java.util.Map;

/**
 * Refuses malformed requests before anything is routed. Netty's decoder already rejects the framing
 * attacks (both Content-Length and Transfer-Encoding, conflicting Content-Length values, bad chunk
 * sizes, invalid header characters); its failure arrives as the request's decoder result, and here
 * it becomes a status. Heroku's own limits (8 KB request line, 8 KB per header line) are checked on
 * top.
 */
final class RequestChecks {
  static final int MAX_LINE = 8192;
  static final int MAX_HEADERS = 64 * 1024;
  private static final int MAX_METHOD = 127;

  private RequestChecks() {}

  /** The error for this request head, or null when it may be routed. */
  static ProxyError check(HttpRequest request) {
    DecoderResult result = request.decoderResult();
    if (result.isFailure()) {
      Throwable cause = result.cause();
      if (cause instanceof TooLongHttpLineException) return ProxyError.URI_TOO_LONG;
      if (cause instanceof TooLongHttpHeaderException) return ProxyError.HEADERS_TOO_LARGE;
      return ProxyError.BAD_REQUEST;
    }
    HttpVersion version = request.protocolVersion();
    if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0)
      return ProxyError.VERSION_NOT_SUPPORTED;
    HttpMethod method = request.method();
    // A router cannot tunnel: CONNECT is the one method Heroku refuses. Other tokens pass, as
    // there.
    if (method.equals(HttpMethod.CONNECT)) return ProxyError.NOT_IMPLEMENTED;
    if (method.name().length() > MAX_METHOD) return ProxyError.NOT_IMPLEMENTED;
    Iterator<Map.Entry<CharSequence, CharSequence>> headers =
        request.headers().iteratorCharSequence();
    while (headers.hasNext()) {
      Map.Entry<CharSequence, CharSequence> h = headers.next();
      if (h.getKey().length() + 2 + h.getValue().length() > MAX_LINE)
        return ProxyError.HEADERS_TOO_LARGE;
    }
    String expect = request.headers().get(HttpHeaderNames.EXPECT);
    if (expect != null && !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect.trim())) {
      return ProxyError.EXPECTATION_FAILED;
    }
    return null;
  }
}
