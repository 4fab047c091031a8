package dev.hoist.dynos.scheduler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a backend needs to run one dyno. {@code env} is complete (config vars, PORT, DYNO,
 * HOME); the backend adds nothing to it but its own plumbing.
 *
 * @param stack the stack image the slug runs on; null for the backend's default run image
 * @param generation the restart request this dyno answers (epoch ms, 0 for none); part of its
 *     identity
 * @param stdin keep stdin open for an attached client
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
    boolean tty) {
  public DynoSpec {
    env = Map.copyOf(env);
  }

  public boolean web() {
    return "web".equals(type);
  }

  /**
   * What the container is made from, beyond the name, release and generation that its other labels
   * carry: slug, stack, command, size and limits, and the whole environment, as 16 hex digits of
   * SHA-256. A container with the same name and release but another digest was made for something
   * else (a manager that was given another api URL, a resized formation) and is replaced, not
   * adopted.
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
