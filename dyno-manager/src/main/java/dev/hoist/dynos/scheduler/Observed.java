package dev.hoist.dynos.scheduler;

/**
 * A dyno container as the backend sees it, with what its labels say about it.
 *
 * @param generation the restart request (epoch ms) the container was started for; 0 for none
 * @param startedAt when the dyno manager created it (epoch ms)
 * @param memoryMb the memory quota of its size (MB), R14's threshold; 0 when its labels have none
 *     (made before R14 existed: its hard limit is the quota itself, so it never runs above it)
 * @param spec the {@link DynoSpec#digest()} it was made from; empty when its labels have none
 * @param ip its address on the dyno network; null unless running
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
    String ip) {

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
        ip);
  }
}
