package dev.hoist.api.state;

import dev.hoist.api.app.DynoOptions;
import dev.hoist.api.formation.DynoSize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answer of {@code GET /internal/state}: the desired state of every app at one revision. Its
 * JSON is the wire that {@code internal-api}'s {@code DesiredState} reads.
 */
record DesiredState(long revision, List<AppState> apps) {

  record AppState(
      UUID id,
      String name,
      String stackImage,
      ReleaseState release,
      List<FormationState> formation,
      Map<String, Long> restarts,
      List<OneOffState> oneOffs,
      boolean platform,
      DynoOptionsState dynoOptions) {}

  /** A platform app's dyno options; null for every ordinary app. */
  record DynoOptionsState(boolean hostNetwork, Integer port, List<MountState> mounts) {
    static DynoOptionsState of(DynoOptions o) {
      if (o == null) return null;
      return new DynoOptionsState(
          o.hostNetwork(),
          o.port(),
          o.mounts().stream()
              .map(m -> new MountState(m.source(), m.target(), m.readOnly()))
              .toList());
    }
  }

  record MountState(String source, String target, boolean readOnly) {}

  /**
   * A one-off to run; {@code release} is set for a release phase, which runs that release, not the
   * current.
   */
  record OneOffState(
      String name,
      String command,
      String size,
      int memoryMb,
      int pids,
      Map<String, String> env,
      boolean attach,
      String attachToken,
      int timeToLive,
      Instant createdAt,
      ReleaseState release) {}

  record ReleaseState(UUID id, int version, SlugState slug, Map<String, String> config) {}

  record SlugState(UUID id, Map<String, String> processTypes, String checksum, String blobUrl) {}

  record FormationState(
      String type, int quantity, String size, int memoryMb, int pids, String command) {
    static FormationState of(String type, int quantity, DynoSize size, String command) {
      return new FormationState(
          type, quantity, size.label(), size.memoryMb(), size.pids(), command);
    }
  }
}
