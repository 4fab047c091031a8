package dev.hoist.router.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RoutesTest {
  private static RouteTable table(long revision) {
    return new RouteTable(revision, List.of(), "localhost");
  }

  @Test
  void startsWithATableThatIsNotLoaded() {
    assertThat(new Routes().table().loaded()).isFalse();
  }

  @Test
  void wakesAWaiterOnceWhenTheTableChanges() {
    Routes routes = new Routes();
    AtomicInteger woken = new AtomicInteger();
    routes.onChange(routes.table(), woken::incrementAndGet);

    routes.update(table(1));
    routes.update(table(2));

    assertThat(woken).hasValue(1);
  }

  @Test
  void wakesAWaiterAtOnceWhenTheTableChangedBeforeItRegistered() {
    Routes routes = new Routes();
    RouteTable seen = routes.table();
    routes.update(table(1));
    AtomicInteger woken = new AtomicInteger();

    routes.onChange(seen, woken::incrementAndGet);

    assertThat(woken).hasValue(1);
  }

  @Test
  void forgetsACancelledWaiter() {
    Routes routes = new Routes();
    AtomicInteger woken = new AtomicInteger();
    Runnable waiter = woken::incrementAndGet;
    routes.onChange(routes.table(), waiter);

    routes.cancel(waiter);
    routes.update(table(1));

    assertThat(woken).hasValue(0);
  }
}
