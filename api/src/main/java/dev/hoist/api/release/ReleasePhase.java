package dev.hoist.api.release;

import java.util.UUID;

/**
 * The release phase: the Procfile's {@code release} command, run once per release before it goes
 * live.
 */
public final class ReleasePhase {
  public static final String TYPE = "release";

  private ReleasePhase() {}

  /** Published when a release phase ends, inside the transaction that recorded it. */
  public record Ended(UUID appId, UUID releaseId, int version, boolean succeeded, int exitStatus) {}
}
