package dev.hoist.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.internal.state.DesiredState;
import dev.hoist.internal.state.StateApi;
import dev.hoist.internal.testing.FakeApiServer;
import dev.hoist.internal.testing.Revisioned;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WatchTest {
  @Test
  void handsOnEveryNewRevisionAndAsksForTheOneAfterIt() throws Exception {
    Revisioned<DesiredState> state =
        new Revisioned<>(new DesiredState(1, List.of()), DesiredState::revision);
    List<String> asks = new CopyOnWriteArrayList<>();
    BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
    try (FakeApiServer fake = new FakeApiServer("t")) {
      fake.on(
          "GET",
          "/internal/state",
          c -> {
            asks.add(c.query().getOrDefault("since", "-"));
            try {
              return FakeApiServer.ok(
                  state.await(
                      c.query().containsKey("since") ? Long.valueOf(c.query().get("since")) : null,
                      Duration.ofSeconds(Long.parseLong(c.query().getOrDefault("wait", "0")))));
            } catch (InterruptedException e) {
              return FakeApiServer.status(503);
            }
          });
      try (Watch<DesiredState> watch =
          new StateApi(new InternalApi(fake.url(), "t"))
              .watch(Duration.ofSeconds(5), s -> seen.add(s.revision()))) {
        assertThat(seen.poll(30, TimeUnit.SECONDS)).isEqualTo(1);
        state.set(new DesiredState(2, List.of()));
        assertThat(seen.poll(30, TimeUnit.SECONDS)).isEqualTo(2);
      }
    }
    assertThat(asks).startsWith("-", "1");
  }

  @Test
  void afterARefusalAsksForTheWholeStateAgain() throws Exception {
    BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
    List<String> asks = new CopyOnWriteArrayList<>();
    try (FakeApiServer fake = new FakeApiServer("t")) {
      fake.on(
          "GET",
          "/internal/state",
          c -> {
            asks.add(c.query().getOrDefault("since", "-"));
            return asks.size() == 2
                ? FakeApiServer.error(500, "internal", "broken")
                : FakeApiServer.ok(new DesiredState(asks.size(), List.of()));
          });
      try (Watch<DesiredState> watch =
          new StateApi(new InternalApi(fake.url(), "t"))
              .watch(Duration.ofSeconds(1), s -> seen.add(s.revision()))) {
        assertThat(seen.poll(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(seen.poll(30, TimeUnit.SECONDS)).isEqualTo(3);
      }
    }
    assertThat(asks).startsWith("-", "1", "-");
  }
}
