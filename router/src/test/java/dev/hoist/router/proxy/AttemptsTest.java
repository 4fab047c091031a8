package dev.hoist.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.router.RouterConfig;
import dev.hoist.router.route.AppRoute;
import dev.hoist.router.route.Dyno;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.DefaultEventLoop;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The retry policy alone: no sockets, just which dyno comes next and why the last one failed. */
class AttemptsTest {
  private final DefaultEventLoop loop = new DefaultEventLoop();
  private final BackendPool pool =
      new BackendPool(
          loop, Transport.choose("nio"), RouterConfig.from(Map.of()), SubmitNow.on(loop));
  private final Quarantine quarantine = new Quarantine(60_000_000_000L);
  private final Attempts attempts = new Attempts(quarantine);
  private final Dyno one = Dyno.of("web.1", "127.0.0.1:5001", "up", true);
  private final Dyno two = Dyno.of("web.2", "127.0.0.1:5002", "up", true);
  private final AppRoute app = AppRoute.of("demo", List.of(), List.of(one, two));

  @AfterEach
  void stop() {
    loop.shutdownGracefully();
  }

  @Test
  void movesToAnotherDynoAfterARefusedConnectAndQuarantinesTheFirst() {
    Dyno first = attempts.next(pool, app, 50).dyno();
    attempts.connectFailed(first, new ConnectException("refused"));

    assertThat(attempts.next(pool, app, 50).dyno()).isNotEqualTo(first);
    assertThat(attempts.lastFailure()).isEqualTo(ProxyError.CONNECT_REFUSED);
    assertThat(quarantine.contains(first.socketAddress())).isTrue();
  }

  @Test
  void runsOutWhenEveryDynoFailed() {
    attempts.connectFailed(
        attempts.next(pool, app, 50).dyno(), new ConnectTimeoutException("slow"));
    attempts.closedUnanswered(attempts.next(pool, app, 50).dyno(), false);

    assertThat(attempts.next(pool, app, 50)).isNull();
    assertThat(attempts.lastFailure()).isEqualTo(ProxyError.CONNECTION_CLOSED);
  }

  @Test
  void blamesAStalePooledConnectionOnTheConnectionNotTheDyno() {
    Dyno first = attempts.next(pool, app, 50).dyno();
    attempts.closedUnanswered(first, true);

    assertThat(attempts.freshOnly()).isTrue();
    assertThat(quarantine.contains(first.socketAddress())).isFalse();
    assertThat(List.of(attempts.next(pool, app, 50).dyno(), attempts.next(pool, app, 50).dyno()))
        .contains(first);
  }

  @Test
  void stopsAfterTenTries() {
    int tries = 0;
    while (attempts.next(pool, app, 50) != null) {
      attempts.closedUnanswered(one, true); // stale pooled connections: no dyno is ever given up on
      tries++;
    }

    assertThat(tries).isEqualTo(Attempts.MAX);
  }
}
