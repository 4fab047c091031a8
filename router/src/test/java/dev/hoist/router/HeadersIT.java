package dev.hoist.router;

import static dev.hoist.router.support.Tables.app;
import static dev.hoist.router.support.Tables.up;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.router.support.LeakWatch;
import dev.hoist.router.support.RawClient;
import dev.hoist.router.support.RouterHarness;
import dev.hoist.router.support.Tables;
import dev.hoist.router.support.TestBackend;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The headers each hop sees: Heroku's forwarding headers in, hop-by-hop headers out, both ways. */
@ExtendWith(LeakWatch.class)
class HeadersIT {
  private static final String UUID =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
  private TestBackend dyno;
  private RouterHarness router;

  @BeforeEach
  void start() throws Exception {
    dyno = TestBackend.start("web");
    router = RouterHarness.start(Tables.of(app("demo", up("web.1", dyno))));
  }

  @AfterEach
  void stop() {
    router.close();
    dyno.close();
  }

  private HttpHeaders seenBy(int index) {
    return dyno.seen.get(index).headers();
  }

  @Test
  void addsTheForwardingHeadersHerokuApps() throws Exception {
    long before = System.currentTimeMillis();
    router.send(router.request("demo.localhost", "/").header("X-Forwarded-For", "1.2.3.4").build());
    long after = System.currentTimeMillis();

    HttpHeaders seen = seenBy(0);
    assertThat(seen.get("X-Forwarded-For")).isEqualTo("1.2.3.4, 127.0.0.1");
    assertThat(seen.get("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(seen.get("X-Forwarded-Port")).isEqualTo(String.valueOf(router.port));
    assertThat(Long.parseLong(seen.get("X-Request-Start"))).isBetween(before, after);
    assertThat(seen.get("Via")).isEqualTo("1.1 hoist");
    assertThat(seen.get("X-Request-ID")).matches(UUID);
    assertThat(router.logs.await("at=info").message()).contains("fwd=\"1.2.3.4, 127.0.0.1\"");
  }

  @Test
  void replacesAClientsOwnProtoAndPortUnlessItIsATrustedProxy() throws Exception {
    router.send(
        router
            .request("demo.localhost", "/")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Port", "443")
            .build());

    assertThat(seenBy(0).get("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(seenBy(0).get("X-Forwarded-Port")).isEqualTo(String.valueOf(router.port));
    assertThat(router.logs.await("at=info").message()).endsWith(" protocol=http");
  }

  @Test
  void passesOnTheProtoAndPortOfATrustedLoadBalancer() throws Exception {
    try (RouterHarness behindLb =
        RouterHarness.start(
            Map.of("hoist.router.trusted-proxies", "10.0.0.0/8, 127.0.0.1"),
            Tables.of(app("demo", up("web.1", dyno))))) {
      behindLb.send(
          behindLb
              .request("demo.localhost", "/")
              .header("X-Forwarded-Proto", "HTTPS")
              .header("X-Forwarded-Port", "443")
              .build());
      behindLb.send(
          behindLb
              .request("demo.localhost", "/")
              .header("X-Forwarded-Proto", "gopher")
              .header("X-Forwarded-Port", "99999")
              .build());

      assertThat(seenBy(0).get("X-Forwarded-Proto")).isEqualTo("https");
      assertThat(seenBy(0).get("X-Forwarded-Port")).isEqualTo("443");
      assertThat(behindLb.logs.await("at=info").message()).endsWith(" protocol=https");
      assertThat(seenBy(1).get("X-Forwarded-Proto"))
          .as("neither http nor https: what the router saw")
          .isEqualTo("http");
      assertThat(seenBy(1).get("X-Forwarded-Port")).isEqualTo(String.valueOf(behindLb.port));
    }
  }

  @Test
  void keepsAValidClientRequestIdAndLogsIt() throws Exception {
    String id = "abcDEF0123+/=-abcdef0123456789";
    HttpResponse<String> response =
        router.send(router.request("demo.localhost", "/").header("X-Request-ID", id).build());

    assertThat(seenBy(0).get("X-Request-ID")).isEqualTo(id);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(router.logs.await("at=info").message()).contains("request_id=" + id + " ");
  }

  @Test
  void replacesARequestIdThatIsTooShortTooLongOrHasOtherCharacters() throws Exception {
    String[] invalid = {
      "short-id-1234567890",
      "x".repeat(201),
      "has spaces in it, twenty plus",
      "ünïcödé-0123456789abc"
    };
    for (String id : invalid)
      router.send(router.request("demo.localhost", "/").header("X-Request-ID", id).build());

    for (int i = 0; i < invalid.length; i++)
      assertThat(seenBy(i).get("X-Request-ID")).matches(UUID);
    assertThat(dyno.seen).hasSize(invalid.length);
  }

  @Test
  void dropsHopByHopHeadersOfTheClientAndKeepsTheRest() throws Exception {
    String response =
        RawClient.exchange(
            router.port,
            "GET /a HTTP/1.1\r\nHost: demo.localhost\r\n"
                + "Connection: close, X-Private\r\nX-Private: secret\r\nKeep-Alive: timeout=5\r\n"
                + "Proxy-Connection: keep-alive\r\nTE: trailers\r\nProxy-Authorization: Basic eDp5\r\n"
                + "X-Custom: kept\r\nCookie: a=b\r\n\r\n");

    assertThat(RawClient.status(response)).isEqualTo(200);
    HttpHeaders seen = seenBy(0);
    assertThat(seen.names())
        .doesNotContain(
            "X-Private",
            "Keep-Alive",
            "Proxy-Connection",
            "TE",
            "Proxy-Authorization",
            "Connection");
    assertThat(seen.get("X-Custom")).isEqualTo("kept");
    assertThat(seen.get("Cookie")).isEqualTo("a=b");
    assertThat(seen.get("Host")).isEqualTo("demo.localhost");
    assertThat(response).containsIgnoringCase("connection: close");
  }

  @Test
  void dropsHopByHopHeadersOfTheDynoAndStreamsItsChunks() throws Exception {
    HttpResponse<String> response = router.get("demo.localhost", "/chunked");

    assertThat(response.body()).isEqualTo("one,two,three");
    assertThat(response.headers().map()).doesNotContainKeys("x-private", "keep-alive");
    assertThat(response.headers().firstValue("via")).hasValue("1.1 hoist");
    assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
  }

  @Test
  void answersAnHttp10ClientAndSpeaksHttp11ToTheDyno() throws Exception {
    String response =
        RawClient.exchange(router.port, "GET /old HTTP/1.0\r\nHost: demo.localhost\r\n\r\n");

    assertThat(RawClient.status(response)).isEqualTo(200);
    assertThat(response).endsWith("hello from web");
    assertThat(dyno.seen.get(0).uri()).isEqualTo("/old");
    assertThat(dyno.seen.get(0).headers().get("Connection"))
        .as("kept alive towards the dyno")
        .isNull();
  }

  @Test
  void rewritesAnAbsoluteTargetToOriginFormAndRoutesByIt() throws Exception {
    String response =
        RawClient.exchange(
            router.port,
            "GET http://demo.localhost/abs?q=1 HTTP/1.1\r\nHost: ignored.example\r\nConnection: close\r\n\r\n");

    assertThat(RawClient.status(response)).isEqualTo(200);
    assertThat(dyno.seen.get(0).uri()).isEqualTo("/abs?q=1");
  }

  @Test
  void passesExpect100ContinueToTheDynoAndItsAnswerBack() throws Exception {
    HttpResponse<String> response =
        router.send(
            router
                .request("demo.localhost", "/upload")
                .expectContinue(true)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("twelve bytes"))
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("12");
    assertThat(seenBy(0).get("X-Seen-Expect")).isEqualToIgnoringCase("100-continue");
  }

  @Test
  void writesOneHerokuStyleLogLinePerRequest() throws Exception {
    router.get("demo.localhost", "/path?x=1");

    router.logs.await("at=info");
    assertThat(router.logs.lines()).hasSize(1);
    assertThat(router.logs.lines().get(0).app()).isEqualTo("demo");
    assertThat(router.logs.lines().get(0).message())
        .matches(
            "at=info method=GET path=\"/path\\?x=1\" "
                + "host=demo.localhost request_id="
                + UUID
                + " fwd=\"127.0.0.1\" dyno=web.1 connect=\\d+ms "
                + "service=\\d+ms status=200 bytes=14 protocol=http");
  }
}
