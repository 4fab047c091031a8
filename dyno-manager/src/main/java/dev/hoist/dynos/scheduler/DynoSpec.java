package dev.hoist.dynos.scheduler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a backend needs to run one dyno. {@code env} is complete (config vars, PORT, DYNO,
 * HOME); the backend adds nothing to it but its own plumbing, and the free port a {@link
 * Platform#freePort()} dyno asks for.
 *
 * @param stack the stack image the slug runs on; null for the backend's default run image
 * @param generation the restart request this dyno answers (epoch ms, 0 for none); part of its
 *     identity
 * @param stdin keep stdin open for an attached client
 * @param platform null for an ordinary app; for a platform app, how its dynos run beyond the dyno
 *     contract (its crash backoff is capped, too)
 */
public record DynoSpec(
    String app,
    String dyno,
    String type,
    int release,
    String slugId,
    String stack,
    long generation,
    String command,
    String size,
    int memoryMb,
    int pids,
    Map<String, String> env,
    boolean oneOff,
    boolean stdin,
    boolean tty,
    Platform platform) {
  public DynoSpec {
    env = Map.copyOf(env);
  }

  /** A dyno of an ordinary app. */
  public DynoSpec(
      String app,
      String dyno,
      String type,
      int release,
      String slugId,
      String stack,
      long generation,
      String command,
      String size,
      int memoryMb,
      int pids,
      Map<String, String> env,
      boolean oneOff,
      boolean stdin,
      boolean tty) {
    this(
        app,
        dyno,
        type,
        release,
        slugId,
        stack,
        generation,
        command,
        size,
        memoryMb,
        pids,
        env,
        oneOff,
        stdin,
        tty,
        null);
  }

  /**
   * A platform app's ways to run a dyno (the api refuses them for ordinary apps). The dyno still
   * runs as the dyno user with its size's limits.
   *
   * @param hostNetwork the host's network instead of the dyno network: the dyno's address is {@code
   *     127.0.0.1:$PORT}
   * @param freePort the backend picks a free host port when it creates the container, sets {@code
   *     PORT} to it and records it on the container ({@link Labels#PORT}); the port is not part of
   *     the spec or its digest, so an adopted container keeps it
   * @param mounts host directories the dyno sees
   */
  public record Platform(boolean hostNetwork, boolean freePort, List<Mount> mounts) {
    public static final Platform PLAIN = new Platform(false, false, List.of());

    public Platform {
      mounts = mounts == null ? List.of() : List.copyOf(mounts);
    }

    /** Whether a container made from it differs from an ordinary app's. */
    boolean plain() {
      return !hostNetwork && !freePort && mounts.isEmpty();
    }
  }

  /** A host directory ({@code source}, absolute) seen by the dyno at {@code target}. */
  public record Mount(String source, String target, boolean readOnly) {}

  public boolean web() {
    return "web".equals(type);
  }

  /**
   * What the container is made from, beyond the name, release and generation that its other labels
   * carry: slug, stack, command, size and limits, and the whole environment, as 16 hex digits of
   * SHA-256. A container with the same name and release but another digest was made for something
   * else (a manager that was given another api URL, a resized formation) and is replaced, not
   * adopted. A platform app's host network and mounts count; an ordinary one's digest is as it
   * always was, and so is a platform app's without options.
   */
  public String digest() {
    StringBuilder s =
        new StringBuilder()
            .append(slugId)
            .append('\0')
            .append(stack)
            .append('\0')
            .append(command)
            .append('\0')
            .append(size)
            .append('\0')
            .append(memoryMb)
            .append('\0')
            .append(pids)
            .append('\0')
            .append(stdin)
            .append('\0')
            .append(tty);
    new TreeMap<>(env).forEach((k, v) -> s.append('\0').append(k).append('=').append(v));
    if (platform != null && !platform.plain()) {
      s.append("\0host-network=").append(platform.hostNetwork());
      s.append("\0free-port=").append(platform.freePort());
      for (Mount m : platform.mounts())
        s.append("\0mount=")
            .append(m.source())
            .append(':')
            .append(m.target())
            .append(':')
            .append(m.readOnly());
    }
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-256")
              .digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  public SlugRef slug(String checksum) {
    return new SlugRef(slugId, checksum, stack);
  }
}
