package dev.hoist.build.gateway;

import dev.hoist.build.gateway.http.SmartHttpServer;
import dev.hoist.build.gateway.repo.RepoStore;
import dev.hoist.build.gateway.ssh.SshFrontDoor;
import dev.hoist.internal.Durations;
import dev.hoist.internal.builds.GatewayApi;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The git gateway, embeddable: {@link #start} binds SSH (and smart HTTP unless disabled) and
 * returns once both listen; {@link #drain} stops it the gentle way, {@link #close} at once. The
 * all-in-one launcher runs one in-process; {@link GatewayMain} runs one alone, as the platform app
 * {@code hoist-gateway}. Gateways that share the data folder share the SSH host key and each app's
 * repository lock, and may share the ports too: see docs/deploying.md.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Gateway.class);

  private final SshFrontDoor ssh;
  private final SmartHttpServer http;
  private final GitSessions sessions;
  private final ExecutorService sshWorkers;
  private final ExecutorService httpWorkers;
  private final Connections connections;
  private final Duration drainTimeout;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Gateway(
      SshFrontDoor ssh,
      SmartHttpServer http,
      GitSessions sessions,
      ExecutorService sshWorkers,
      ExecutorService httpWorkers,
      Connections connections,
      Duration drainTimeout) {
    this.ssh = ssh;
    this.http = http;
    this.sessions = sessions;
    this.sshWorkers = sshWorkers;
    this.httpWorkers = httpWorkers;
    this.connections = connections;
    this.drainTimeout = drainTimeout;
  }

  public static Gateway start(GatewaySettings settings, GatewayApi api) throws IOException {
    GitSessions sessions = new GitSessions(api, new RepoStore(settings.repoDir(), api), settings);
    ExecutorService sshWorkers = workers("git-ssh", settings.maxSessions());
    ExecutorService httpWorkers = workers("git-http", settings.maxSessions());
    Connections connections = new Connections();
    SshFrontDoor ssh = null;
    SmartHttpServer http = null;
    try {
      ssh = SshFrontDoor.start(settings, api, sessions, sshWorkers, connections);
      if (settings.httpEnabled())
        http = SmartHttpServer.start(settings, api, sessions, httpWorkers, connections);
    } catch (IOException | RuntimeException e) {
      if (ssh != null) ssh.close();
      sshWorkers.shutdownNow();
      httpWorkers.shutdownNow();
      sessions.close();
      throw e;
    }
    Gateway gateway =
        new Gateway(
            ssh, http, sessions, sshWorkers, httpWorkers, connections, settings.drainTimeout());
    log.info(
        "git gateway listening: ssh on {}:{}, http {}",
        settings.sshBindAddress(),
        gateway.sshPort(),
        http == null ? "off" : "on " + settings.httpBindAddress() + ":" + gateway.httpPort());
    return gateway;
  }

  /** The SSH port actually bound (useful when configured as 0). */
  public int sshPort() {
    return ssh.port();
  }

  /** The smart-HTTP port actually bound, or -1 when HTTP is off. */
  public int httpPort() {
    return http == null ? -1 : http.address().getPort();
  }

  /**
   * Stops the gateway without cutting a push short: both listeners close at once, so new
   * connections go to another gateway on the same ports (or are refused); the connections already
   * open (a push from its first byte to its report, build included) may finish for up to {@code
   * hoist.gateway.drain-timeout-seconds}; then it closes. True when every one finished in time.
   */
  public boolean drain() throws IOException, InterruptedException {
    ssh.stopAccepting();
    if (http != null) http.stopAccepting();
    log.info(
        "git gateway stopping: no new connections; {} open, given up to {} to finish",
        connections.open(),
        Durations.words(drainTimeout));
    boolean drained = connections.awaitNone(drainTimeout);
    if (!drained) {
      log.warn(
          "{} connection(s) still open after {}: closing them",
          connections.open(),
          Durations.words(drainTimeout));
    }
    close();
    return drained;
  }

  /** Stops at once, cutting off whatever is in flight. */
  @Override
  public void close() throws IOException {
    if (!closed.compareAndSet(false, true)) return;
    if (http != null) http.close();
    ssh.close();
    sshWorkers.shutdownNow();
    httpWorkers.shutdownNow();
    sessions.close();
    log.info("git gateway stopped");
  }

  /** Up to {@code max} threads, created as needed; work beyond that queues. */
  private static ExecutorService workers(String name, int max) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            max,
            max,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, name + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
