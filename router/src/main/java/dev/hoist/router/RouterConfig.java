package dev.hoist.router;

import dev.hoist.internal.Durations;
import dev.hoist.router.proxy.Transport;
import dev.hoist.router.proxy.TrustedProxies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The router's settings, {@code hoist.router.*}. Each is read from a system property of that name,
 * else from its environment variable, else the default (docs/router.md has the table).
 *
 * @param port where clients connect ({@code HOIST_ROUTER_PORT}, else {@code PORT} as a dyno is
 *     given it, else 8080; 0 picks a free port)
 * @param bind the address to listen on ({@code HOIST_ROUTER_BIND}, 0.0.0.0)
 * @param appsDomain apps answer at {@code APP.<apps-domain>} ({@code HOIST_APPS_DOMAIN}, localhost)
 * @param apiUrl where the route table and logs go ({@code HOIST_API_URL}, http://127.0.0.1:5000)
 * @param componentToken bearer token for {@code /internal/**} ({@code HOIST_COMPONENT_TOKEN};
 *     environment only)
 * @param routesFile a fixed route table instead of the api ({@code HOIST_ROUTER_ROUTES_FILE}, none)
 * @param threads event-loop threads ({@code HOIST_ROUTER_THREADS}, one per core)
 * @param firstByteTimeout request sent to first response byte, else H12 (30 s)
 * @param bootWait how long a request waits for a starting dyno, else H20 (30 s)
 * @param connectTimeout TCP connect to a dyno, else H19 and the next dyno (5 s)
 * @param quarantine how long a dyno that refused a connection is avoided (5 s)
 * @param poolIdleTimeout an unused pooled dyno connection is closed after this (10 s)
 * @param idleTimeout a client keep-alive connection with no request is closed after this (55 s)
 * @param transport {@code auto} (io_uring, else epoll, else NIO), or one of them by name (auto)
 * @param logBuffer router log lines each event loop holds while the api is slow, then drops (20000)
 * @param trustedProxies peers whose X-Forwarded-Proto and -Port are passed on, e.g. a TLS load
 *     balancer (none)
 * @param maxInFlight requests a dyno is sent at once by one event loop; more wait in the app's
 *     backlog, of this many per serving dyno, and past that get H11 (50, as on Heroku)
 * @param snapshot where every complete route table from the api is saved, and read at start while
 *     the api is silent ({@code HOIST_ROUTER_SNAPSHOT}; none)
 * @param reusePort SO_REUSEPORT on the listening socket, so an old and a new router share a port
 *     during a deploy (true)
 * @param drainTimeout how long a stopping router lets requests in flight finish after it stopped
 *     listening (25 s, under the dyno manager's 30 s between SIGTERM and SIGKILL)
 */
public record RouterConfig(
    int port,
    String bind,
    String appsDomain,
    String apiUrl,
    String componentToken,
    Path routesFile,
    int threads,
    Duration firstByteTimeout,
    Duration bootWait,
    Duration connectTimeout,
    Duration quarantine,
    Duration poolIdleTimeout,
    Duration idleTimeout,
    String transport,
    int logBuffer,
    TrustedProxies trustedProxies,
    int maxInFlight,
    Path snapshot,
    boolean reusePort,
    Duration drainTimeout) {

  private static final String PREFIX = "hoist.router.";

  /** Settings shared by every component keep their platform-wide names. */
  private static final Map<String, String> SHARED_ENV =
      Map.of(
          "apps-domain",
          "HOIST_APPS_DOMAIN",
          "api-url",
          "HOIST_API_URL",
          "component-token",
          "HOIST_COMPONENT_TOKEN");

  /** Defaults, overridden by {@code hoist.router.*} keys in {@code settings}. */
  public static RouterConfig from(Map<String, String> settings) {
    Settings s = new Settings(settings);
    return new RouterConfig(
        s.integer("port", 8080),
        s.text("bind", "0.0.0.0"),
        s.text("apps-domain", "localhost").toLowerCase(Locale.ROOT),
        s.text("api-url", "http://127.0.0.1:5000"),
        s.text("component-token", ""),
        s.has("routes-file") ? Path.of(s.text("routes-file", "")) : null,
        s.integer("threads", Runtime.getRuntime().availableProcessors()),
        s.duration("first-byte-timeout", "30s"),
        s.duration("boot-wait", "30s"),
        s.duration("connect-timeout", "5s"),
        s.duration("quarantine", "5s"),
        s.duration("pool-idle-timeout", "10s"),
        s.duration("idle-timeout", "55s"),
        s.oneOf("transport", "auto", Transport.NAMES),
        s.integer("log-buffer", 20_000),
        s.proxies("trusted-proxies"),
        s.atLeastOne("max-in-flight", 50),
        s.has("snapshot") ? Path.of(s.text("snapshot", "")) : null,
        s.bool("reuse-port", true),
        s.duration("drain-timeout", "25s"));
  }

  /**
   * System properties, then the environment; the token is taken from the environment only. The port
   * falls back on {@code PORT}, the variable a dyno is given, when {@code HOIST_ROUTER_PORT} is
   * unset: the router runs as the platform app {@code hoist-router} too.
   */
  public static RouterConfig fromEnvironment() {
    return fromSources(System::getProperty, System::getenv);
  }

  /** {@link #fromEnvironment} with its two sources given (for tests). */
  static RouterConfig fromSources(
      UnaryOperator<String> properties, UnaryOperator<String> environment) {
    Map<String, String> settings = new HashMap<>();
    for (String key :
        new String[] {
          "port",
          "bind",
          "apps-domain",
          "api-url",
          "component-token",
          "routes-file",
          "threads",
          "first-byte-timeout",
          "boot-wait",
          "connect-timeout",
          "quarantine",
          "pool-idle-timeout",
          "idle-timeout",
          "transport",
          "log-buffer",
          "trusted-proxies",
          "max-in-flight",
          "snapshot",
          "reuse-port",
          "drain-timeout"
        }) {
      String env =
          SHARED_ENV.getOrDefault(
              key, "HOIST_ROUTER_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
      String value = key.equals("component-token") ? null : properties.apply(PREFIX + key);
      if (value == null) value = environment.apply(env);
      if (blank(value) && key.equals("port")) value = environment.apply("PORT");
      if (!blank(value)) settings.put(PREFIX + key, value.trim());
    }
    return from(settings);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private record Settings(Map<String, String> values) {
    boolean has(String key) {
      return values.containsKey(PREFIX + key);
    }

    String text(String key, String fallback) {
      return values.getOrDefault(PREFIX + key, fallback);
    }

    String oneOf(String key, String fallback, List<String> allowed) {
      String v = text(key, fallback).toLowerCase(Locale.ROOT);
      if (!allowed.contains(v)) {
        throw new IllegalArgumentException(
            PREFIX + key + " must be one of " + allowed + ", not " + v);
      }
      return v;
    }

    TrustedProxies proxies(String key) {
      try {
        return TrustedProxies.parse(text(key, ""));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(PREFIX + key + ": " + e.getMessage());
      }
    }

    int integer(String key, int fallback) {
      String v = values.get(PREFIX + key);
      try {
        return v == null ? fallback : Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(PREFIX + key + " must be a number, not " + v);
      }
    }

    boolean bool(String key, boolean fallback) {
      String v = values.get(PREFIX + key);
      if (v == null) return fallback;
      if (v.equalsIgnoreCase("true")) return true;
      if (v.equalsIgnoreCase("false")) return false;
      throw new IllegalArgumentException(PREFIX + key + " must be true or false, not " + v);
    }

    int atLeastOne(String key, int fallback) {
      int n = integer(key, fallback);
      if (n < 1) throw new IllegalArgumentException(PREFIX + key + " must be at least 1, not " + n);
      return n;
    }

    /**
     * The platform's one duration grammar ({@link Durations}): {@code 30s}, {@code 500ms}, {@code
     * 2m}, bare seconds.
     */
    Duration duration(String key, String fallback) {
      return Durations.parse(PREFIX + key, values.getOrDefault(PREFIX + key, fallback));
    }
  }
}
