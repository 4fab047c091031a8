package dev.hoist.dynos.attach;

import dev.hoist.dynos.scheduler.Attachment;
import java.io.IOException;

/**
 * What the attach server needs from the dyno manager: turn a token into a created, attached, not
 * yet started one-off dyno. Implemented by the reconciler's one-off handling.
 */
public interface AttachTarget {
  /**
   * Claims the one-off with this token, prepares its image, creates its container and attaches to
   * it. Returns null when no one-off waits for this token (unknown, claimed already, or given up).
   *
   * @throws IOException with a message for the client when the dyno cannot be made
   */
  Session open(String token, boolean tty, int cols, int rows) throws IOException;

  /** One attached one-off. Its methods are called from the session's threads. */
  interface Session {
    Attachment attachment();

    /** Starts the process; output flows into the attachment from now on. */
    void start() throws IOException;

    void resize(int cols, int rows);

    /** Blocks until the process has exited; its status (255 when it cannot be known). */
    int awaitExit();

    /** The client went away while the process runs: SIGHUP, then a stop with the usual grace. */
    void hangUp();
  }
}
