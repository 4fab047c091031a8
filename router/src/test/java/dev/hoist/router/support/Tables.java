package dev.hoist.router.support;

import dev.hoist.router.route.AppRoute;
import dev.hoist.router.route.Dyno;
import dev.hoist.router.route.RouteTable;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Route tables for tests, written the way the api would describe them. */
public final class Tables {
  private static final AtomicLong REVISION = new AtomicLong();

  private Tables() {}

  public static RouteTable of(AppRoute... apps) {
    return new RouteTable(REVISION.incrementAndGet(), Arrays.asList(apps), "localhost");
  }

  public static AppRoute app(String name, Dyno... dynos) {
    return AppRoute.of(name, List.of(name + ".localhost"), Arrays.asList(dynos));
  }

  public static AppRoute app(String name, List<String> hosts, Dyno... dynos) {
    return AppRoute.of(name, hosts, Arrays.asList(dynos));
  }

  public static Dyno up(String name, TestBackend backend) {
    return Dyno.of(name, backend.address(), "up", true);
  }

  public static Dyno up(String name, String address) {
    return Dyno.of(name, address, "up", true);
  }

  public static Dyno dyno(String name, String address, String state) {
    return Dyno.of(name, address, state, true);
  }
}
