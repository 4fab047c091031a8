package dev.hoist.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The heads each side receives, as bytes. */
class ForwardedHeadersTest {
  private static String toDyno(HttpRequest r, String fwd, boolean chunked, boolean upgrade) {
    ByteBuf out = Unpooled.buffer();
    ForwardedHeaders.toDyno(
        out, r, r.uri(), "id-123", fwd, "http", "8080", 1700000000000L, chunked, upgrade);
    String text = out.toString(StandardCharsets.ISO_8859_1);
    out.release();
    return text;
  }

  private static ResponseHead response(String head) {
    ResponseHead r = new ResponseHead();
    byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(bytes, 0, r.buffer(bytes.length), 0, bytes.length);
    assertThat(r.parse()).as("a valid head").isTrue();
    return r;
  }

  private static String toClient(
      ResponseHead r, boolean keepAlive, boolean http10, boolean head, boolean[] close) {
    ByteBuf out = Unpooled.buffer();
    close[0] = ForwardedHeaders.toClient(out, r, keepAlive, http10, head);
    String text = out.toString(StandardCharsets.ISO_8859_1);
    out.release();
    return text;
  }

  @Test
  void believesAProtoAndPortOnlyFromATrustedPeerAndOnlyWhenValid() {
    io.netty.handler.codec.http.HttpHeaders h =
        new io.netty.handler.codec.http.DefaultHttpHeaders()
            .set("X-Forwarded-Proto", "HTTPS")
            .set("X-Forwarded-Port", "443");

    assertThat(ForwardedHeaders.proto(h, false)).isEqualTo("http");
    assertThat(ForwardedHeaders.port(h, false, "8080")).isEqualTo("8080");
    assertThat(ForwardedHeaders.proto(h, true)).isEqualTo("https");
    assertThat(ForwardedHeaders.port(h, true, "8080")).isEqualTo("443");
    assertThat(ForwardedHeaders.port(h.set("X-Forwarded-Port", "00443"), true, "8080"))
        .isEqualTo("443");
    for (String bad : new String[] {"0", "65536", "+443", "", "4 43", "123456"}) {
      assertThat(ForwardedHeaders.port(h.set("X-Forwarded-Port", bad), true, "8080"))
          .as(bad)
          .isEqualTo("8080");
    }
    assertThat(ForwardedHeaders.proto(h.set("X-Forwarded-Proto", "ftp"), true)).isEqualTo("http");
    h.set("X-Forwarded-Proto", "https").add("X-Forwarded-Proto", "http");
    assertThat(ForwardedHeaders.proto(h, true))
        .as("the balancer's line comes after the client's")
        .isEqualTo("http");
    assertThat(ForwardedHeaders.proto(h.set("X-Forwarded-Proto", "https, http"), true))
        .as("appended to a list")
        .isEqualTo("http");
  }

  @Test
  void rewritesTheRequestForTheDyno() {
    HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.POST, "/upload?x=1");
    r.headers()
        .set("Host", "demo.localhost")
        .set("Connection", "keep-alive, X-Hop")
        .set("X-Hop", "1")
        .set("Transfer-Encoding", "chunked")
        .set("Via", "1.0 edge")
        .set("X-Forwarded-Proto", "gopher")
        .set("X-Request-ID", "from-the-client-but-replaced")
        .set("Accept", "text/plain");

    String fwd = ForwardedHeaders.forwardedFor(r.headers(), "10.0.0.9");
    String head = toDyno(r, fwd, true, false);

    assertThat(fwd).isEqualTo("10.0.0.9");
    assertThat(head)
        .isEqualTo(
            "POST /upload?x=1 HTTP/1.1\r\n"
                + "Host: demo.localhost\r\n"
                + "Accept: text/plain\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + "X-Request-ID: id-123\r\n"
                + "X-Forwarded-For: 10.0.0.9\r\n"
                + "X-Forwarded-Proto: http\r\n"
                + "X-Forwarded-Port: 8080\r\n"
                + "X-Request-Start: 1700000000000\r\n"
                + "Via: 1.0 edge, 1.1 hoist\r\n\r\n");
  }

  @Test
  void appendsTheClientToAnExistingForwardedFor() {
    HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
    r.headers().set("X-Forwarded-For", "1.1.1.1");

    assertThat(ForwardedHeaders.forwardedFor(r.headers(), "2.2.2.2")).isEqualTo("1.1.1.1, 2.2.2.2");
  }

  @Test
  void keepsUpgradeHeadersForAnUpgradeAndNeverStripsHostByConnection() {
    HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/ws");
    r.headers()
        .set("Host", "demo.localhost")
        .set("Connection", "Upgrade, Host")
        .set("Upgrade", "websocket")
        .set("Content-Length", "0");

    String head = toDyno(r, "1.2.3.4", false, true);

    assertThat(head)
        .contains(
            "\r\nHost: demo.localhost\r\n",
            "\r\nUpgrade: websocket\r\nConnection: upgrade\r\n",
            "\r\nContent-Length: 0\r\n");
  }

  @Test
  void passesHeaderBytesThroughUnchanged() {
    HttpRequest r =
        new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/caf\u00c3\u00a9");
    r.headers().set("X-Name", "Jos\u00c3\u00a9"); // UTF-8 bytes, read one character per byte

    String head = toDyno(r, "1.2.3.4", false, false);

    assertThat(head)
        .startsWith("GET /caf\u00c3\u00a9 HTTP/1.1\r\n")
        .contains("X-Name: Jos\u00c3\u00a9\r\n");
  }

  @Test
  void framesAResponseOfUnknownLengthPerClient() {
    boolean[] close = new boolean[1];
    ResponseHead r = response("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n");

    assertThat(toClient(r, true, false, false, close))
        .isEqualTo(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nVia: 1.1 hoist\r\n\r\n");
    assertThat(close[0]).isFalse();
    assertThat(toClient(r, true, true, false, close))
        .as("only closing can end it")
        .contains("Connection: close\r\n");
    assertThat(close[0]).isTrue();
  }

  @Test
  void tellsAnHttp10KeepAliveClientItStaysOpen() {
    boolean[] close = new boolean[1];
    ResponseHead r =
        response("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nKeep-Alive: timeout=5\r\n\r\n");

    assertThat(toClient(r, true, true, false, close))
        .isEqualTo(
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\nVia: 1.1 hoist\r\n\r\n");
    assertThat(close[0]).isFalse();
  }

  @Test
  void dropsTheDynosHopByHopHeadersAndTheOnesItsConnectionNames() {
    boolean[] close = new boolean[1];
    ResponseHead r =
        response(
            "HTTP/1.0 404 Not Found\r\nConnection: keep-alive, X-Hop\r\nX-Hop: 1\r\n"
                + "transfer-encoding: chunked\r\nContent-Length: 9\r\nTrailer: X-Sum\r\nVia: 1.0 cache\r\nX-Kept:  a b \r\n\r\n");

    assertThat(toClient(r, true, false, false, close))
        .isEqualTo(
            "HTTP/1.1 404 Not Found\r\nX-Kept: a b\r\n"
                + "Transfer-Encoding: chunked\r\nVia: 1.0 cache, 1.1 hoist\r\n\r\n");
    assertThat(r.chunked).isTrue();
    assertThat(r.keepAlive()).as("HTTP/1.0 with keep-alive").isTrue();
  }

  @Test
  void keepsTheUpgradeOfA101() {
    boolean[] close = new boolean[1];
    ResponseHead r =
        response(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: abc\r\n\r\n");

    assertThat(toClient(r, true, false, false, close))
        .isEqualTo(
            "HTTP/1.1 101 Switching Protocols\r\n"
                + "Sec-WebSocket-Accept: abc\r\nUpgrade: websocket\r\nConnection: upgrade\r\nVia: 1.1 hoist\r\n\r\n");
  }

  @Test
  void sendsNoBodyFramingForAHeadRequestOrA204() {
    boolean[] close = new boolean[1];
    ResponseHead r = response("HTTP/1.1 204 No Content\n\n");

    assertThat(toClient(r, false, false, false, close))
        .isEqualTo("HTTP/1.1 204 No Content\r\nConnection: close\r\nVia: 1.1 hoist\r\n\r\n");
    assertThat(close[0]).isTrue();
    assertThat(ForwardedHeaders.chunkedToClient(response("HTTP/1.1 200 OK\r\n\r\n"), false, true))
        .isFalse();
  }

  @Test
  void writesNumbersInDecimalAsLongToStringWould() {
    for (long n :
        new long[] {0, 7, 9, 10, 99, 100, 1700000000000L, 999_999_999_999L, Long.MAX_VALUE}) {
      ByteBuf out = Unpooled.buffer();
      ForwardedHeaders.digits(out, n);
      assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(Long.toString(n));
      out.release();
    }
  }
}
