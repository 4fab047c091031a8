package dev.hoist.build.gateway;

import dev.hoist.build.gateway.http.SmartHttpServer;
import dev.hoist.build.gateway.repo.RepoStore;
import dev.hoist.build.gateway.ssh.SshFrontDoor;
import dev.hoist.internal.builds.GatewayApi;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.server.SshServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The git gateway, embeddable: {@link #start} binds SSH (and smart HTTP unless disabled) and
 * returns once both listen; {@link #close} stops both. The all-in-one launcher runs one in-process;
 * {@link GatewayMain} runs one alone. Stateless apart from the repository cache (the blob store
 * holds the truth), but pushes to one app are queued only within one gateway: see
 * docs/deploying.md.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Gateway.class);

  private final SshServer ssh;
  private final SmartHttpServer http;
  private final GitSessions sessions;
  private final ExecutorService sshWorkers;
  private final ExecutorService httpWorkers;

  private Gateway(
      SshServer ssh,
      SmartHttpServer http,
      GitSessions sessions,
      ExecutorService sshWorkers,
      ExecutorService httpWorkers) {
    this.ssh = ssh;
    this.http = http;
    this.sessions = sessions;
    this.sshWorkers = sshWorkers;
    this.httpWorkers = httpWorkers;
  }

  public static Gateway start(GatewaySettings settings, GatewayApi api) throws IOException {
    GitSessions sessions = new GitSessions(api, new RepoStore(settings.repoDir(), api), settings);
    ExecutorService sshWorkers = workers("git-ssh", settings.maxSessions());
    ExecutorService httpWorkers = workers("git-http", settings.maxSessions());
    SshServer ssh = SshFrontDoor.create(settings, api, sessions, sshWorkers);
    SmartHttpServer http = null;
    try {
      ssh.start();
      if (settings.httpEnabled())
        http = SmartHttpServer.start(settings, api, sessions, httpWorkers);
    } catch (IOException | RuntimeException e) {
      ssh.stop(true);
      sshWorkers.shutdownNow();
      httpWorkers.shutdownNow();
      sessions.close();
      throw e;
    }
    Gateway gateway = new Gateway(ssh, http, sessions, sshWorkers, httpWorkers);
    log.info(
        "git gateway listening: ssh on {}:{}, http {}",
        settings.sshBindAddress(),
        gateway.sshPort(),
        http == null ? "off" : "on " + settings.httpBindAddress() + ":" + gateway.httpPort());
    return gateway;
  }

  /** The SSH port actually bound (useful when configured as 0). */
  public int sshPort() {
    return ssh.getPort();
  }

  /** The smart-HTTP port actually bound, or -1 when HTTP is off. */
  public int httpPort() {
    return http == null ? -1 : http.address().getPort();
  }

  @Override
  public void close() throws IOException {
    if (http != null) http.close();
    ssh.stop(true);
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
