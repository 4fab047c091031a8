package dev.hoist.dynos.scheduler;

/** What came of creating or starting a dyno. */
public sealed interface StartResult {
  /** It exists (and runs, after a start); {@code ip} is null when not started or unknown. */
  record Started(String containerId, String ip) implements StartResult {}

  /** A container with this dyno's identity already exists: the next pass will see it. */
  record AlreadyExists(String name) implements StartResult {}

  /** The slug is not prepared (any more): prepare it and try again. */
  record ImageMissing(String slugId) implements StartResult {}

  record Failed(String message) implements StartResult {}
}
