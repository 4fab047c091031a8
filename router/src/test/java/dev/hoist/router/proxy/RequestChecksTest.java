package dev.hoist.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Raw bytes through the same decoder settings the router uses, then its checks. No sockets. */
class RequestChecksTest {
  private static ProxyError check(String raw) {
    EmbeddedChannel channel =
        new EmbeddedChannel(
            new HttpServerCodec(
                new HttpDecoderConfig()
                    .setMaxInitialLineLength(RequestChecks.MAX_LINE)
                    .setMaxHeaderSize(RequestChecks.MAX_HEADERS)));
    try {
      channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1));
      Object first = channel.readInbound();
      assertThat(first).isInstanceOf(HttpRequest.class);
      ProxyError error = RequestChecks.check((HttpRequest) first);
      ReferenceCountUtil.release(first);
      return error;
    } finally {
      channel.finishAndReleaseAll();
    }
  }

  @Test
  void passesAnOrdinaryRequest() {
    assertThat(check("GET /a?b=1 HTTP/1.1\r\nHost: demo.localhost\r\nAccept: */*\r\n\r\n"))
        .isNull();
    assertThat(check("PROPFIND / HTTP/1.1\r\nHost: d\r\n\r\n"))
        .as("any token, as on Heroku")
        .isNull();
    assertThat(
            check(
                "POST / HTTP/1.1\r\nHost: d\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n"))
        .isNull();
  }

  @Test
  void refusesAmbiguousFraming() {
    assertThat(
            check(
                "POST / HTTP/1.1\r\nHost: d\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"))
        .isEqualTo(ProxyError.BAD_REQUEST);
    assertThat(
            check("POST / HTTP/1.1\r\nHost: d\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n"))
        .isEqualTo(ProxyError.BAD_REQUEST);
    assertThat(check("POST / HTTP/1.1\r\nHost: d\r\nTransfer-Encoding: gzip\r\n\r\n"))
        .isEqualTo(ProxyError.BAD_REQUEST);
  }

  @Test
  void mapsHerokusSizeLimitsToStatuses() {
    assertThat(check("GET /" + "x".repeat(8200) + " HTTP/1.1\r\nHost: d\r\n\r\n"))
        .isEqualTo(ProxyError.URI_TOO_LONG);
    assertThat(check("GET / HTTP/1.1\r\nHost: d\r\nX-Big: " + "x".repeat(8190) + "\r\n\r\n"))
        .isEqualTo(ProxyError.HEADERS_TOO_LARGE);
    assertThat(
            check(
                "GET / HTTP/1.1\r\nHost: d\r\n"
                    + ("X-F: " + "x".repeat(1000) + "\r\n").repeat(66)
                    + "\r\n"))
        .isEqualTo(ProxyError.HEADERS_TOO_LARGE);
    assertThat(
            check(
                "GET / HTTP/1.1\r\nHost: d\r\n"
                    + ("X-F: " + "x".repeat(1000) + "\r\n").repeat(20)
                    + "\r\n"))
        .as("20 KB of headers in lines under 8 KB is fine")
        .isNull();
  }

  @Test
  void refusesConnectOtherExpectationsAndOtherVersions() {
    assertThat(check("CONNECT d:443 HTTP/1.1\r\nHost: d\r\n\r\n"))
        .isEqualTo(ProxyError.NOT_IMPLEMENTED);
    assertThat(check("GET / HTTP/1.1\r\nHost: d\r\nExpect: tea\r\n\r\n"))
        .isEqualTo(ProxyError.EXPECTATION_FAILED);
    assertThat(check("GET / HTTP/2.0\r\nHost: d\r\n\r\n"))
        .isEqualTo(ProxyError.VERSION_NOT_SUPPORTED);
    assertThat(check("G(T / HTTP/1.1\r\nHost: d\r\n\r\n")).isEqualTo(ProxyError.BAD_REQUEST);
  }
}
