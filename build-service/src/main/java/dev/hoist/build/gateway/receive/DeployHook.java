package dev.hoist.build.gateway.receive;

import dev.hoist.build.ErrorRef;
import java.util.Collection;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second hook of a push: the commit pushed to main or master is built and released before the
 * ref moves, so the repository's main is always what runs. A failed build refuses the ref (the push
 * exits non-zero); an error of ours refuses it with a reference that is also logged. If one push
 * updates both main and master, the first is deployed and the second refused: one push, one
 * release.
 */
public final class DeployHook implements PreReceiveHook {
  private static final Logger log = LoggerFactory.getLogger(DeployHook.class);
  static final String ONE_AT_A_TIME = "push main or master, not both at once";

  private final Deployer deployer;

  public DeployHook(Deployer deployer) {
    this.deployer = deployer;
  }

  @Override
  public void onPreReceive(ReceivePack rp, Collection<ReceiveCommand> commands) {
    List<ReceiveCommand> deploys =
        commands.stream()
            .filter(c -> c.getResult() == ReceiveCommand.Result.NOT_ATTEMPTED)
            .filter(c -> RefRules.DEPLOY_REFS.contains(c.getRefName()))
            .filter(c -> c.getType() != ReceiveCommand.Type.DELETE)
            .toList();
    if (deploys.isEmpty()) return;
    deploys.stream()
        .skip(1)
        .forEach(c -> c.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, ONE_AT_A_TIME));
    deploy(rp, deploys.get(0), Progress.of(rp));
  }

  void deploy(ReceivePack rp, ReceiveCommand cmd, Progress progress) {
    // A walk of our own: receive-pack's drops commit bodies, and the deploy wants the message.
    try (RevWalk walk = new RevWalk(rp.getRevWalk().getObjectReader())) {
      RevCommit commit = walk.parseCommit(cmd.getNewId());
      Deployer.Outcome outcome = deployer.deploy(commit, cmd.getRefName(), progress);
      if (!outcome.accepted())
        cmd.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, outcome.reason());
    } catch (Exception | LinkageError e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      String ref = ErrorRef.next();
      log.error("deploy of {} failed (ref {})", cmd.getNewId().name(), ref, e);
      progress.line(
          " !     internal error (ref " + ref + "); the platform's operator can look it up");
      cmd.setResult(
          ReceiveCommand.Result.REJECTED_OTHER_REASON, "internal error (ref " + ref + ")");
    }
  }
}
