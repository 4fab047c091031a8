package dev.hoist.build.gateway.receive;

import java.io.IOException;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * Lines to the pusher's terminal, shown as {@code remote: …}. Each line is flushed at once: without
 * the flush JGit holds them and every line arrives when the push ends. A client that went away is
 * not an error here; the build goes on and its result is still recorded.
 */
public interface Progress {
  void line(String text);

  /** Progress on a receive-pack's side band. */
  static Progress of(ReceivePack rp) {
    return text -> {
      rp.sendMessage(text);
      try {
        rp.getMessageOutputStream().flush();
      } catch (IOException clientGone) {
        // nothing to do: the push goes on without an audience
      }
    };
  }
}
