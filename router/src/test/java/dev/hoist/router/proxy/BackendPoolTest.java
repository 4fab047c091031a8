package dev.hoist.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.router.RouterConfig;
import dev.hoist.router.route.AppRoute;
import dev.hoist.router.route.Dyno;
import io.netty.channel.DefaultEventLoop;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The choice of dyno, without connecting anywhere. */
class BackendPoolTest {
  private final DefaultEventLoop loop = new DefaultEventLoop();
  private final BackendPool pool =
      new BackendPool(
          loop, Transport.choose("nio"), RouterConfig.from(Map.of()), SubmitNow.on(loop));
  private final Quarantine quarantine = new Quarantine(60_000_000_000L);
  private final Dyno one = Dyno.of("web.1", "127.0.0.1:5001", "up", true);
  private final Dyno two = Dyno.of("web.2", "127.0.0.1:5002", "up", true);
  private final Dyno three = Dyno.of("web.3", "127.0.0.1:5003", "up", true);
  private final AppRoute app = AppRoute.of("demo", List.of(), List.of(one, two, three));

  @AfterEach
  void stop() {
    loop.shutdownGracefully();
  }

  @Test
  void rotatesOverIdleDynos() {
    Map<String, Integer> picks = new HashMap<>();
    for (int i = 0; i < 30; i++)
      picks.merge(pool.pick(app, null, quarantine, 50).dyno().name(), 1, Integer::sum);

    assertThat(picks)
        .containsOnly(Map.entry("web.1", 10), Map.entry("web.2", 10), Map.entry("web.3", 10));
  }

  @Test
  void prefersTheDynoWithFewestRequestsInFlight() {
    pool.begin(one);
    pool.begin(one);
    pool.begin(two);

    for (int i = 0; i < 5; i++)
      assertThat(pool.pick(app, null, quarantine, 50).dyno()).isEqualTo(three);
    pool.end(one);
    pool.end(one);
    pool.begin(three);
    assertThat(pool.pick(app, null, quarantine, 50).dyno()).isEqualTo(one);
  }

  @Test
  void ranksAFullDynoBelowAQuarantinedOneAndSaysHowLoadedThePickIs() {
    quarantine.add(one.socketAddress());
    pool.begin(two);
    pool.begin(two);
    pool.begin(three);
    pool.begin(three);

    // two and three are full at 2: the request would only wait for them, so the quarantined one
    // gets it
    BackendPool.Pick quarantined = pool.pick(app, null, quarantine, 2);
    assertThat(quarantined.dyno()).isEqualTo(one);
    assertThat(quarantined.load()).isZero();
    pool.begin(one);
    pool.begin(one);
    BackendPool.Pick full = pool.pick(app, null, quarantine, 2);
    assertThat(full).isNotNull();
    assertThat(full.load()).as("all full: the caller queues").isEqualTo(2);
  }

  @Test
  void skipsTriedDynosAndKeepsQuarantinedOnesForLast() {
    quarantine.add(one.socketAddress());

    assertThat(pool.pick(app, List.of(two), quarantine, 50).dyno()).isEqualTo(three);
    assertThat(pool.pick(app, List.of(two, three), quarantine, 50).dyno())
        .as("a last resort")
        .isEqualTo(one);
    assertThat(pool.pick(app, List.of(one, two, three), quarantine, 50)).isNull();
  }

  @Test
  void hasNothingToPickForAnAppWithoutServingDynos() {
    AppRoute starting =
        AppRoute.of("demo", List.of(), List.of(Dyno.of("web.1", null, "starting", true)));

    assertThat(pool.pick(starting, null, quarantine, 50)).isNull();
  }
}
