package dev.hoist.dynos.scheduler;

import java.util.Map;

/**
 * Everything a backend needs to run one dyno. {@code env} is complete (config vars, PORT, DYNO, HOME);
 * the backend adds nothing to it but its own plumbing.
 *
 * @param stack      the stack image the slug runs on; null for the backend's default run image
 * @param generation the restart request this dyno answers (epoch ms, 0 for none); part of its identity
 * @param stdin      keep stdin open for an attached client
 */
public record DynoSpec(String app, String dyno, String type, int release, String slugId, String stack, long generation,
    String command, String size, int memoryMb, int pids, Map<String, String> env, boolean oneOff, boolean stdin,
    boolean tty) {
  public DynoSpec {
    env = Map.copyOf(env);
  }

  public boolean web() {
    return "web".equals(type);
  }

  public SlugRef slug(String checksum) {
    return new SlugRef(slugId, checksum, stack);
  }
}
