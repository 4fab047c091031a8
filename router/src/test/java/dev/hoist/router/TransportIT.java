package dev.hoist.router;

import static dev.hoist.router.support.Tables.app;
import static dev.hoist.router.support.Tables.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hoist.router.proxy.Transport;
import dev.hoist.router.support.LeakWatch;
import dev.hoist.router.support.RawClient;
import dev.hoist.router.support.RouterHarness;
import dev.hoist.router.support.Tables;
import dev.hoist.router.support.TestBackend;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rest of the router's tests run on the transport {@code auto} picks here (io_uring on this
 * machine); these run the core of a request's life on each one by name, so a machine that falls
 * back to another runs code that was tested.
 */
@ExtendWith(LeakWatch.class)
class TransportIT {
  private static final int FOUR_MB = 4 << 20;

  @ParameterizedTest
  @ValueSource(strings = {"io_uring", "epoll", "nio"})
  void proxiesKeepsAliveAndStreamsBothWays(String name) throws Exception {
    assumeTrue(loadsHere(name), name + " does not load on this machine");
    try (TestBackend dyno = TestBackend.start("one");
        RouterHarness router =
            RouterHarness.start(
                Map.of("hoist.router.transport", name),
                Tables.of(app("demo", up("web.1", dyno))))) {
      assertThat(router.router.transport()).isEqualTo(name);

      for (int i = 0; i < 3; i++)
        assertThat(router.get("demo.localhost", "/").body()).isEqualTo("hello from one");
      assertThat(dyno.connections.get())
          .as("one kept-alive dyno connection for sequential requests")
          .isEqualTo(1);
      HttpResponse<String> upload =
          router.send(
              router
                  .request("demo.localhost", "/upload")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[FOUR_MB]))
                  .build());
      dyno.openGate();
      HttpResponse<InputStream> download =
          router.http.send(
              router.request("demo.localhost", "/download/" + FOUR_MB).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      long received;
      try (InputStream in = download.body()) {
        received = in.transferTo(OutputStream.nullOutputStream());
      }
      String unknown =
          RawClient.exchange(
              router.port, "GET / HTTP/1.1\r\nHost: nobody.localhost\r\nConnection: close\r\n\r\n");

      assertThat(upload.body()).isEqualTo(Integer.toString(FOUR_MB));
      assertThat(received).isEqualTo(FOUR_MB);
      assertThat(RawClient.status(unknown)).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"io_uring", "epoll", "nio"})
  void sharesItsPortWithAnotherRouter(String name) throws Exception {
    assumeTrue(loadsHere(name), name + " does not load on this machine");
    try (TestBackend dyno = TestBackend.start("one");
        RouterHarness first =
            RouterHarness.start(
                Map.of("hoist.router.transport", name), Tables.of(app("demo", up("web.1", dyno))));
        RouterHarness second =
            RouterHarness.start(
                Map.of(
                    "hoist.router.transport",
                    name,
                    "hoist.router.port",
                    String.valueOf(first.port)),
                Tables.of(app("demo", up("web.1", dyno))))) {
      assertThat(second.port).isEqualTo(first.port);

      first.close();

      assertThat(second.get("demo.localhost", "/").body()).isEqualTo("hello from one");
    }
  }

  @Test
  void autoTakesTheFirstThatLoads() {
    String expected = IoUring.isAvailable() ? "io_uring" : Epoll.isAvailable() ? "epoll" : "nio";

    assertThat(Transport.choose("auto").name()).isEqualTo(expected);
    assertThat(Transport.choose("nio").name()).isEqualTo("nio");
  }

  @Test
  void refusesANameItDoesNotKnow() {
    assertThatThrownBy(() -> Transport.choose("kqueue"))
        .hasMessageContaining("hoist.router.transport")
        .hasMessageContaining("kqueue");
  }

  private static boolean loadsHere(String name) {
    try {
      Transport.choose(name);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }
}
