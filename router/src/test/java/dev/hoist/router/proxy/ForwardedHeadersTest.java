package dev.hoist.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {
  @Test
  void rewritesTheRequestForTheDyno() {
    HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.POST, "/");
    r.headers().set("Host", "demo.localhost").set("Connection", "keep-alive, X-Hop").set("X-Hop", "1")
        .set("Transfer-Encoding", "chunked").set("Via", "1.0 edge").set("X-Forwarded-Proto", "gopher");

    String fwd = ForwardedHeaders.toDyno(r, "id-123", "10.0.0.9", "8080", 1700000000000L, true, false);

    assertThat(fwd).isEqualTo("10.0.0.9");
    assertThat(r.protocolVersion()).isEqualTo(HttpVersion.HTTP_1_1);
    assertThat(r.headers().contains("Connection")).isFalse();
    assertThat(r.headers().contains("X-Hop")).isFalse();
    assertThat(r.headers().get("Transfer-Encoding")).as("framing is re-declared for this hop").isEqualTo("chunked");
    assertThat(r.headers().get("Via")).isEqualTo("1.0 edge, 1.1 hoist");
    assertThat(r.headers().get("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(r.headers().get("X-Request-Start")).isEqualTo("1700000000000");
    assertThat(r.headers().get("X-Request-Id")).isEqualTo("id-123");
  }

  @Test
  void keepsUpgradeHeadersForAnUpgradeAndNeverStripsHostByConnection() {
    HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/ws");
    r.headers().set("Host", "demo.localhost").set("Connection", "Upgrade, Host").set("Upgrade", "websocket");

    ForwardedHeaders.toDyno(r, "id", "1.2.3.4", "80", 0, false, true);

    assertThat(r.headers().get("Upgrade")).isEqualTo("websocket");
    assertThat(r.headers().get("Connection")).isEqualTo("upgrade");
    assertThat(r.headers().get("Host")).isEqualTo("demo.localhost");
  }

  @Test
  void framesAResponseOfUnknownLengthPerClient() {
    HttpResponse forHttp11 = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    HttpResponse forHttp10 = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);

    assertThat(ForwardedHeaders.toClient(forHttp11, true, false, false)).isFalse();
    assertThat(forHttp11.headers().get("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(ForwardedHeaders.toClient(forHttp10, true, true, false)).as("only closing can end it").isTrue();
    assertThat(forHttp10.headers().get("Connection")).isEqualTo("close");
  }

  @Test
  void tellsAnHttp10KeepAliveClientItStaysOpen() {
    HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    r.headers().set("Content-Length", "2").set("Keep-Alive", "timeout=5");

    assertThat(ForwardedHeaders.toClient(r, true, true, false)).isFalse();
    assertThat(r.headers().get("Connection")).isEqualTo("keep-alive");
    assertThat(r.headers().contains("Keep-Alive")).isFalse();
    assertThat(r.headers().get("Via")).isEqualTo("1.1 hoist");
  }
}
