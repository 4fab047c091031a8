package dev.hoist.router.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * What a request says about itself, read once when it arrives: how it is framed, what the client
 * accepts back, and the values the dyno's forwarding headers and the router's log line carry.
 *
 * @param request the decoded head, as the client sent it
 * @param method the method's name, for the log
 * @param path the target in origin form (an absolute-form target is rewritten)
 * @param host the routing key ({@link HostName})
 * @param requestId the client's X-Request-ID when valid, else a new one ({@link RequestIds})
 * @param forwardedFor X-Forwarded-For as the dyno gets it
 * @param proto X-Forwarded-Proto as the dyno gets it: {@code http} or {@code https}
 * @param port X-Forwarded-Port as the dyno gets it
 * @param startMillis when the router read it, for X-Request-Start
 * @param chunked the body comes in chunks (and goes on to the dyno so)
 * @param head a HEAD request: the response has no body
 * @param idempotent GET, HEAD or OPTIONS: may be sent again to another dyno ({@link Attempts})
 * @param upgrade asks to switch protocols (websockets)
 * @param keepAlive the client wants its connection kept after the response
 * @param http10 an HTTP/1.0 client: no chunks, no 1xx responses
 * @param bodyless no body follows the head
 */
record RequestFacts(
    HttpRequest request,
    String method,
    String path,
    String host,
    String requestId,
    String forwardedFor,
    String proto,
    String port,
    long startMillis,
    boolean chunked,
    boolean head,
    boolean idempotent,
    boolean upgrade,
    boolean keepAlive,
    boolean http10,
    boolean bodyless) {

  static RequestFacts of(
      HttpRequest request, String host, String clientIp, String localPort, boolean trustedPeer) {
    HttpMethod m = request.method();
    boolean head = HttpMethod.HEAD.equals(m);
    boolean chunked = HttpUtil.isTransferEncodingChunked(request);
    String uri = request.uri();
    return new RequestFacts(
        request,
        m.name(),
        HostName.isAbsolute(uri) ? HostName.originForm(uri) : uri,
        host,
        RequestIds.keepOrCreate(request.headers().get(ForwardedHeaders.X_REQUEST_ID)),
        ForwardedHeaders.forwardedFor(request.headers(), clientIp),
        ForwardedHeaders.proto(request.headers(), trustedPeer),
        ForwardedHeaders.port(request.headers(), trustedPeer, localPort),
        System.currentTimeMillis(),
        chunked,
        head,
        head || HttpMethod.GET.equals(m) || HttpMethod.OPTIONS.equals(m),
        request.headers().contains(HttpHeaderNames.UPGRADE)
            && request
                .headers()
                .containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true),
        HttpUtil.isKeepAlive(request),
        request.protocolVersion().equals(HttpVersion.HTTP_1_0),
        !chunked && HttpUtil.getContentLength(request, 0L) == 0);
  }

  /** Writes the head the dyno receives ({@link ForwardedHeaders#toDyno}). */
  void writeToDyno(ByteBuf out) {
    ForwardedHeaders.toDyno(
        out, request, path, requestId, forwardedFor, proto, port, startMillis, chunked, upgrade);
  }
}
