package dev.hoist.dynos.scheduler;

/**
 * The labels on dyno containers and slug images; a backend reads its observed state back from them.
 */
public final class Labels {
  public static final String SCOPE = "hoist.scope";
  public static final String APP = "hoist.app";
  public static final String DYNO = "hoist.dyno";
  public static final String TYPE = "hoist.type";
  public static final String RELEASE = "hoist.release";
  public static final String SLUG = "hoist.slug";
  public static final String GENERATION = "hoist.generation";
  public static final String STARTED = "hoist.started";
  public static final String ONE_OFF = "hoist.one-off";
  public static final String COMMAND = "hoist.command";
  public static final String SIZE = "hoist.size";

  /**
   * The memory quota of the dyno's size in MB (R14's threshold); the container's hard limit is a
   * multiple of it.
   */
  public static final String MEMORY = "hoist.memory";

  /** {@link DynoSpec#digest()}: what the container was made from, beyond its name and release. */
  public static final String SPEC = "hoist.spec";

  /**
   * The host port of a dyno on the host's network: the app's fixed port, or the free one picked
   * when its container was made (kept when adopted).
   */
  public static final String PORT = "hoist.port";

  /** On the short-lived container a slug image is made from. */
  public static final String PREPARING = "hoist.preparing";

  private Labels() {}
}
