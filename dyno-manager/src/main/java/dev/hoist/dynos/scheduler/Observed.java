package dev.hoist.dynos.scheduler;

/**
 * A dyno container as the backend sees it, with what its labels say about it.
 *
 * @param generation the restart request (epoch ms) the container was started for; 0 for none
 * @param startedAt when the dyno manager created it (epoch ms)
 * @param memoryMb the memory quota of its size (MB), R14's threshold; 0 when its labels have none
 *     (made before R14 existed: its hard limit is the quota itself, so it never runs above it)
 * @param spec the {@link DynoSpec#digest()} it was made from; empty when its labels have none
 * @param ip its address on the dyno network ({@code 127.0.0.1} on the host's network); null unless
 *     running
 * @param port the host port it listens on when it runs on the host's network ({@link Labels#PORT});
 *     0 on the dyno network, where every dyno listens on the manager's port
 */
public record Observed(
    String id,
    String app,
    String dyno,
    String type,
    int release,
    String slugId,
    long generation,
    long startedAt,
    boolean oneOff,
    String command,
    String size,
    int memoryMb,
    String spec,
    Status status,
    String ip,
    int port) {

  /** A dyno on the dyno network. */
  public Observed(
      String id,
      String app,
      String dyno,
      String type,
      int release,
      String slugId,
      long generation,
      long startedAt,
      boolean oneOff,
      String command,
      String size,
      int memoryMb,
      String spec,
      Status status,
      String ip) {
    this(
        id,
        app,
        dyno,
        type,
        release,
        slugId,
        generation,
        startedAt,
        oneOff,
        command,
        size,
        memoryMb,
        spec,
        status,
        ip,
        0);
  }

  public enum Status {
    CREATED,
    RUNNING,
    EXITED
  }

  public boolean running() {
    return status == Status.RUNNING;
  }

  public boolean exited() {
    return status == Status.EXITED;
  }

  /**
   * Where it answers, {@code ip:port}: its own port on the host's network, else {@code
   * defaultPort}; null unless it runs with an address.
   */
  public String address(int defaultPort) {
    return running() && ip != null ? ip + ":" + (port > 0 ? port : defaultPort) : null;
  }

  /** The same container, known to have exited although the listing does not show it yet. */
  public Observed ended() {
    return new Observed(
        id,
        app,
        dyno,
        type,
        release,
        slugId,
        generation,
        startedAt,
        oneOff,
        command,
        size,
        memoryMb,
        spec,
        Status.EXITED,
        ip,
        port);
  }
}
