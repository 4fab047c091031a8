package dev.hoist.build.gateway.receive;

import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Builds and releases one pushed commit. Called by {@link DeployHook} from inside the push, once
 * per push, on the thread that serves it; it may take as long as the build takes and reports
 * through {@code progress} as it goes. It must not throw for a failed build: it returns {@link
 * Outcome#rejected}, and the ref is refused with that reason.
 */
@FunctionalInterface
public interface Deployer {
  Outcome deploy(RevCommit commit, String refName, Progress progress) throws Exception;

  /** Accepted (the ref moves) or rejected with a short reason shown next to the ref. */
  record Outcome(boolean accepted, String reason) {
    public static Outcome deployed() {
      return new Outcome(true, null);
    }

    public static Outcome rejected(String reason) {
      return new Outcome(false, reason);
    }
  }
}
