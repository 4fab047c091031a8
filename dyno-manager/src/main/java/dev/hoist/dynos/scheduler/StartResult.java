package dev.hoist.dynos.scheduler;

/** What came of creating or starting a dyno. */
public sealed interface StartResult {
  /**
   * It exists (and runs, after a start); {@code ip} is null when not started or unknown, {@code
   * port} is its host port on the host's network (0: the manager's port on the dyno network).
   */
  record Started(String containerId, String ip, int port) implements StartResult {
    public Started(String containerId, String ip) {
      this(containerId, ip, 0);
    }
  }

  /** A container with this dyno's identity already exists: the next pass will see it. */
  record AlreadyExists(String name) implements StartResult {}

  /** The slug is not prepared (any more): prepare it and try again. */
  record ImageMissing(String slugId) implements StartResult {}

  record Failed(String message) implements StartResult {}
}
