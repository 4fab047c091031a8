package dev.hoist.build.gateway;

import dev.hoist.build.Settings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The gateway's settings, each with its default (see docs/deploying.md). SSH limits live under
 * {@code hoist.ssh.*}; the smart-HTTP door and deploy behaviour under {@code hoist.gateway.*}. Each
 * is also an environment variable ({@code hoist.ssh.port} is {@code HOIST_SSH_PORT}), which is how
 * a gateway dyno gets them.
 *
 * @param sshBindAddress {@code hoist.ssh.bind-address}, default 0.0.0.0
 * @param sshPort {@code hoist.ssh.port}, default 2222 (0: any free port)
 * @param maxPushBytes {@code hoist.ssh.max-push-mb}, default 1024: the largest pack one push may
 *     send (SSH and HTTP alike)
 * @param idleTimeout {@code hoist.ssh.idle-timeout-seconds}, default 600: an SSH session with no
 *     traffic this long is closed
 * @param maxSessions {@code hoist.ssh.max-sessions}, default 64: concurrent SSH sessions; more are
 *     disconnected at once (HTTP connections are bounded by the same number, and wait to be
 *     accepted)
 * @param hostKey {@code hoist.ssh.host-key}, default {@code <gateway home>/ssh/host_key}: made once
 *     by whichever gateway starts first, then shared by every gateway on that folder
 * @param httpEnabled {@code hoist.gateway.http-enabled}, default true
 * @param httpBindAddress {@code hoist.gateway.http-bind-address}, default 0.0.0.0
 * @param httpPort {@code hoist.gateway.http-port}, default 2280 (0: any free port); run alone
 *     ({@link #standalone}), {@code PORT} when this is unset
 * @param repoDir {@code hoist.gateway.repo-dir}, default {@code <gateway home>/repos}: the
 *     repository cache
 * @param appUrl {@code hoist.gateway.app-url}, default {@code http://%s.localhost:8080/}: the URL
 *     printed after a deploy when the api does not give the app's {@code web_url}
 * @param buildWait {@code hoist.gateway.build-wait-seconds}, default 3600: how long a push waits
 *     for its build to end before giving up (the build itself goes on)
 * @param drainTimeout {@code hoist.gateway.drain-timeout-seconds}, default 25: on a stop, how long
 *     the connections already open may take to finish (the dyno manager kills a dyno 30 s after
 *     asking it to stop)
 */
public record GatewaySettings(
    String sshBindAddress,
    int sshPort,
    long maxPushBytes,
    Duration idleTimeout,
    int maxSessions,
    Path hostKey,
    boolean httpEnabled,
    String httpBindAddress,
    int httpPort,
    Path repoDir,
    String appUrl,
    Duration buildWait,
    Duration drainTimeout) {
  static final int DEFAULT_HTTP_PORT = 2280;

  /**
   * The settings of an embedded gateway. {@code hoist.gateway.home} ({@code HOIST_GATEWAY_HOME}),
   * default {@code $HOIST_HOME}, is the folder of its repositories and host key.
   */
  public static GatewaySettings from(Settings s) {
    return from(s, DEFAULT_HTTP_PORT);
  }

  /**
   * The settings of a gateway run alone ({@link GatewayMain}): as {@link #from}, and {@code PORT},
   * which the dyno manager gives a web dyno, is the HTTP port when {@code hoist.gateway.http-port}
   * is unset. An embedded gateway ignores {@code PORT}: in the seed's environment it means nothing.
   */
  public static GatewaySettings standalone(Settings s) {
    String port = s.env("PORT");
    if (port == null || port.isBlank()) return from(s);
    try {
      int n = Integer.parseInt(port.trim());
      if (n < 0 || n > 65535) throw new NumberFormatException();
      return from(s, n);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PORT must be a port number, not '" + port + "'");
    }
  }

  private static GatewaySettings from(Settings s, int defaultHttpPort) {
    Path home = s.path("hoist.gateway.home", s.home());
    return new GatewaySettings(
        s.string("hoist.ssh.bind-address", "0.0.0.0"),
        s.integer("hoist.ssh.port", 2222),
        s.number("hoist.ssh.max-push-mb", 1024) * 1024 * 1024,
        s.duration("hoist.ssh.idle-timeout-seconds", Duration.ofSeconds(600)),
        Math.max(1, s.integer("hoist.ssh.max-sessions", 64)),
        s.path("hoist.ssh.host-key", home.resolve("ssh").resolve("host_key")),
        Boolean.parseBoolean(s.string("hoist.gateway.http-enabled", "true")),
        s.string("hoist.gateway.http-bind-address", "0.0.0.0"),
        s.integer("hoist.gateway.http-port", defaultHttpPort),
        s.path("hoist.gateway.repo-dir", home.resolve("repos")),
        s.string("hoist.gateway.app-url", "http://%s.localhost:8080/"),
        s.duration("hoist.gateway.build-wait-seconds", Duration.ofSeconds(3600)),
        s.duration("hoist.gateway.drain-timeout-seconds", Duration.ofSeconds(25)));
  }
}
