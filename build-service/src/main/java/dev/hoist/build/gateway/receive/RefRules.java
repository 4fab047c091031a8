package dev.hoist.build.gateway.receive;

import java.util.Collection;
import java.util.Set;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * The first hook of a push: only {@code refs/heads/main} and {@code refs/heads/master} are
 * accepted, and never as deletes (deleting the branch would not undeploy anything, and would lose
 * the history the next push builds on). Everything else is refused with a reason the pusher sees
 * next to the ref.
 */
public final class RefRules implements PreReceiveHook {
  public static final Set<String> DEPLOY_REFS = Set.of("refs/heads/main", "refs/heads/master");
  static final String ONLY_MAIN =
      "only main or master deploy; push with 'git push hoist HEAD:main'";
  static final String NO_DELETE = "deleting main or master is not allowed";

  @Override
  public void onPreReceive(ReceivePack rp, Collection<ReceiveCommand> commands) {
    for (ReceiveCommand cmd : commands) {
      if (cmd.getResult() != ReceiveCommand.Result.NOT_ATTEMPTED) continue;
      if (!DEPLOY_REFS.contains(cmd.getRefName())) {
        cmd.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, ONLY_MAIN);
      } else if (cmd.getType() == ReceiveCommand.Type.DELETE) {
        cmd.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, NO_DELETE);
      }
    }
  }
}
