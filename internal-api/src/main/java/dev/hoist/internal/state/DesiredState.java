package dev.hoist.internal.state;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One answer of {@code GET /internal/state}: the whole desired state of every app
 * (docs/internal-api.md). Absent collections read as empty, so the reconciler never meets a null
 * list.
 */
public record DesiredState(long revision, List<AppState> apps) {
  public DesiredState {
    apps = apps == null ? List.of() : List.copyOf(apps);
  }

  public Optional<AppState> app(String name) {
    return apps.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /**
   * An app: the stack image its dynos run on (null: the default run image), its current release
   * (may be null), formation, restart requests and one-off dynos.
   *
   * @param platform a part of the platform itself ({@code hoist-api}, {@code hoist-router}...): the
   *     dyno manager keeps its dynos running even when a state lacks it, caps its crash backoff and
   *     never collects its images
   * @param dynoOptions platform-only ways to run its dynos; null for every ordinary app
   */
  public record AppState(
      String id,
      String name,
      String stackImage,
      Release release,
      List<Process> formation,
      Map<String, Long> restarts,
      List<OneOff> oneOffs,
      boolean platform,
      DynoOptions dynoOptions) {
    public AppState {
      formation = formation == null ? List.of() : List.copyOf(formation);
      restarts = restarts == null ? Map.of() : Map.copyOf(restarts);
      oneOffs = oneOffs == null ? List.of() : List.copyOf(oneOffs);
    }

    /** An ordinary app. */
    public AppState(
        String id,
        String name,
        String stackImage,
        Release release,
        List<Process> formation,
        Map<String, Long> restarts,
        List<OneOff> oneOffs) {
      this(id, name, stackImage, release, formation, restarts, oneOffs, false, null);
    }

    /** The slug of the current release, when there is one to run. */
    public Optional<Slug> slug() {
      return Optional.ofNullable(release).map(Release::slug);
    }

    /**
     * The release a one-off runs: its own (a release phase) or the current one; null when there is
     * none.
     */
    public Release releaseOf(OneOff o) {
      return o.release() != null ? o.release() : release;
    }

    /**
     * The latest restart request (epoch ms) that applies to dyno {@code name} of process {@code
     * type}; 0 if none.
     */
    public long restartAt(String type, String name) {
      return Math.max(
          restarts.getOrDefault("*", 0L),
          Math.max(restarts.getOrDefault(type, 0L), restarts.getOrDefault(name, 0L)));
    }
  }

  /**
   * How a platform app's dynos run, beyond the dyno contract; the api refuses these for ordinary
   * apps.
   *
   * @param hostNetwork the dynos share the host's network (the router's and the gateway's ports,
   *     PostgreSQL on the host's loopback); their address is {@code 127.0.0.1:$PORT}
   * @param port with {@code hostNetwork}, the {@code $PORT} every dyno of the app binds (with
   *     SO_REUSEPORT, so an old and a new dyno overlap during a deploy); null gives each dyno a
   *     free host port of its own
   * @param mounts host directories the dynos see (the blob store, the route snapshot, the git
   *     repositories)
   */
  public record DynoOptions(boolean hostNetwork, Integer port, List<Mount> mounts) {
    public DynoOptions {
      mounts = mounts == null ? List.of() : List.copyOf(mounts);
    }
  }

  /** A host directory ({@code source}, absolute) seen by dynos at {@code target}. */
  public record Mount(String source, String target, boolean readOnly) {}

  public record Release(String id, int version, Slug slug, Map<String, String> config) {
    public Release {
      config = config == null ? Map.of() : Map.copyOf(config);
    }

    @Override
    public String toString() { // config values are secrets
      return "Release[v" + version + ", " + id + "]";
    }
  }

  public record Slug(String id, Map<String, String> processTypes, String checksum, String blobUrl) {
    @Override
    public String toString() { // a signed URL is a secret while it is valid
      return "Slug[" + id + ", " + checksum + "]";
    }
  }

  /** A formation entry; {@code command} is null when the slug does not declare the type. */
  public record Process(
      String type, int quantity, String size, int memoryMb, int pids, String command) {}

  /**
   * A one-off dyno; {@code release} is set for a release phase, which runs that release instead of
   * the current.
   */
  public record OneOff(
      String name,
      String command,
      String size,
      int memoryMb,
      int pids,
      Map<String, String> env,
      boolean attach,
      String attachToken,
      Integer timeToLive,
      String createdAt,
      Release release) {
    public OneOff {
      env = env == null ? Map.of() : Map.copyOf(env);
    }

    @Override
    public String toString() { // the attach token is a secret
      return "OneOff[" + name + ", " + command + "]";
    }
  }
}
