package dev.hoist.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

class HostNameTest {
  private static HttpRequest request(String uri, String... hosts) {
    HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
    for (String h : hosts) r.headers().add("Host", h);
    return r;
  }

  @Test
  void lowerCasesAndDropsThePortAndATrailingDot() {
    assertThat(HostName.normalize("Demo.LocalHost:8080")).isEqualTo("demo.localhost");
    assertThat(HostName.normalize("www.example.com.")).isEqualTo("www.example.com");
    assertThat(HostName.normalize(" demo.localhost ")).isEqualTo("demo.localhost");
    assertThat(HostName.normalize("[::1]:8080")).isEqualTo("[::1]");
  }

  @Test
  void refusesHostsThatAreEmptyOrHaveOtherCharactersOrABadPort() {
    assertThat(HostName.normalize("")).isNull();
    assertThat(HostName.normalize(":80")).isNull();
    assertThat(HostName.normalize("demo.localhost/x")).isNull();
    assertThat(HostName.normalize("demo localhost")).isNull();
    assertThat(HostName.normalize("user@demo.localhost")).isNull();
    assertThat(HostName.normalize("demo.localhost:")).isNull();
    assertThat(HostName.normalize("demo.localhost:123456")).isNull();
    assertThat(HostName.normalize("demo.localhost:8o")).isNull();
    assertThat(HostName.normalize("[::1")).isNull();
  }

  @Test
  void takesExactlyOneHostHeader() {
    assertThat(HostName.of(request("/", "demo.localhost"))).isEqualTo("demo.localhost");
    assertThat(HostName.of(request("/"))).isNull();
    assertThat(HostName.of(request("/", "demo.localhost", "demo.localhost"))).isNull();
  }

  @Test
  void prefersTheHostOfAnAbsoluteTarget() {
    HttpRequest r = request("http://Demo.localhost:8080/a?b=1", "other.localhost");

    assertThat(HostName.of(r)).isEqualTo("demo.localhost");
    assertThat(HostName.originForm(r.uri())).isEqualTo("/a?b=1");
    assertThat(HostName.originForm("http://demo.localhost")).isEqualTo("/");
  }
}
