package dev.hoist.build.gateway;

import dev.hoist.build.ErrorRef;
import dev.hoist.build.gateway.receive.ApiDeployer;
import dev.hoist.build.gateway.receive.BuildFollower;
import dev.hoist.build.gateway.receive.DeployHook;
import dev.hoist.build.gateway.receive.Deployer;
import dev.hoist.build.gateway.receive.Progress;
import dev.hoist.build.gateway.receive.RefRules;
import dev.hoist.build.gateway.repo.RepoStore;
import dev.hoist.internal.builds.BuildRecords.Account;
import dev.hoist.internal.builds.BuildRecords.AppRef;
import dev.hoist.internal.builds.GatewayApi;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectChecker;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PreReceiveHookChain;
import org.eclipse.jgit.transport.ReceivePack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the receive-pack of one push: the size limit and object checks, the hooks (ref rules, then
 * a deploy through the api, kept alive while the build runs), and, once a ref moved, the repository
 * saved to the blob store before the push ends.
 */
final class ReceivePacks implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReceivePacks.class);

  private final GatewayApi api;
  private final RepoStore repos;
  private final GatewaySettings settings;
  private final BuildFollower follower;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "git-keepalive");
            t.setDaemon(true);
            return t;
          });
  private final long tickMillis;

  ReceivePacks(GatewayApi api, RepoStore repos, GatewaySettings settings) {
    this.api = api;
    this.repos = repos;
    this.settings = settings;
    this.follower = new BuildFollower(api, settings.buildWait());
    this.tickMillis = Math.max(1_000, Math.min(30_000, settings.idleTimeout().toMillis() / 4));
  }

  /** {@code keepAlive} runs every few seconds while the build runs: the client is silent then. */
  ReceivePack create(Repository repo, AppRef app, Account who, Runnable keepAlive) {
    ReceivePack rp = new ReceivePack(repo);
    rp.setMaxPackSizeLimit(settings.maxPushBytes());
    // Objects are checked (no '.git' or '..' path entries, well-formed trees), but quirks that old,
    // harmless histories carry (zero-padded modes, odd author lines) are let through, as GitHub
    // does.
    rp.setObjectChecker(
        new ObjectChecker().setAllowLeadingZeroFileMode(true).setAllowInvalidPersonIdent(true));
    String email = who.email() == null ? who.id() : who.email();
    rp.setRefLogIdent(new PersonIdent(email, email));
    Deployer deployer =
        keptAlive(
            new ApiDeployer(
                api, follower, rp.getRevWalk().getObjectReader(), app, who, settings.appUrl()),
            keepAlive);
    rp.setPreReceiveHook(
        PreReceiveHookChain.newChain(List.of(new RefRules(), new DeployHook(deployer))));
    rp.setPostReceiveHook(
        (r, accepted) -> {
          if (!accepted.isEmpty()) save(r, app, repo);
        });
    return rp;
  }

  private Deployer keptAlive(Deployer deployer, Runnable keepAlive) {
    return (commit, ref, progress) -> {
      ScheduledFuture<?> tick =
          ticker.scheduleAtFixedRate(keepAlive, 0, tickMillis, TimeUnit.MILLISECONDS);
      try {
        return deployer.deploy(commit, ref, progress);
      } finally {
        tick.cancel(false);
      }
    };
  }

  /** After a ref moved: the blob store's archive catches up. A failure is ours, and said so. */
  private void save(ReceivePack rp, AppRef app, Repository repo) {
    try {
      repos.save(app, repo);
    } catch (Exception e) {
      String ref = ErrorRef.next();
      log.error("could not save the repository of {} (ref {})", app.name(), ref, e);
      Progress.of(rp)
          .line(" !     warning: the repository was not saved to the blob store (ref " + ref + ")");
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
