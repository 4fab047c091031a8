package dev.hoist.build.gateway;

import dev.hoist.build.Settings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The gateway's settings, each with its default (see docs/deploying.md). SSH limits live under
 * {@code hoist.ssh.*}; the smart-HTTP door and deploy behaviour under {@code hoist.gateway.*}.
 *
 * @param sshBindAddress {@code hoist.ssh.bind-address}, default 0.0.0.0
 * @param sshPort {@code hoist.ssh.port}, default 2222 (0: any free port)
 * @param maxPushBytes {@code hoist.ssh.max-push-mb}, default 1024: the largest pack one push may
 *     send (SSH and HTTP alike)
 * @param idleTimeout {@code hoist.ssh.idle-timeout-seconds}, default 600: an SSH session with no
 *     traffic this long is closed
 * @param maxSessions {@code hoist.ssh.max-sessions}, default 64: concurrent SSH sessions; more are
 *     disconnected at once (HTTP requests are bounded by the same number of worker threads)
 * @param hostKey {@code hoist.ssh.host-key}, default $HOIST_HOME/ssh/host_key: generated once, kept
 * @param httpEnabled {@code hoist.gateway.http-enabled}, default true
 * @param httpBindAddress {@code hoist.gateway.http-bind-address}, default 0.0.0.0
 * @param httpPort {@code hoist.gateway.http-port}, default 2280 (0: any free port)
 * @param repoDir {@code hoist.gateway.repo-dir}, default $HOIST_HOME/repos: the repository cache
 * @param appUrl {@code hoist.gateway.app-url}, default {@code http://%s.localhost:8080/}: the URL
 *     printed after a deploy when the api does not give the app's {@code web_url}
 * @param buildWait {@code hoist.gateway.build-wait-seconds}, default 3600: how long a push waits
 *     for its build to end before giving up (the build itself goes on)
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
    Duration buildWait) {

  public static GatewaySettings from(Settings s) {
    Path home = s.home();
    return new GatewaySettings(
        s.string("hoist.ssh.bind-address", "0.0.0.0"),
        s.integer("hoist.ssh.port", 2222),
        s.number("hoist.ssh.max-push-mb", 1024) * 1024 * 1024,
        s.duration("hoist.ssh.idle-timeout-seconds", Duration.ofSeconds(600)),
        Math.max(1, s.integer("hoist.ssh.max-sessions", 64)),
        s.path("hoist.ssh.host-key", home.resolve("ssh").resolve("host_key")),
        Boolean.parseBoolean(s.string("hoist.gateway.http-enabled", "true")),
        s.string("hoist.gateway.http-bind-address", "0.0.0.0"),
        s.integer("hoist.gateway.http-port", 2280),
        s.path("hoist.gateway.repo-dir", home.resolve("repos")),
        s.string("hoist.gateway.app-url", "http://%s.localhost:8080/"),
        s.duration("hoist.gateway.build-wait-seconds", Duration.ofSeconds(3600)));
  }
}
