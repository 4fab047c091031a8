package dev.hoist.dynos.docker;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.hoist.dynos.scheduler.Labels;
import dev.hoist.dynos.scheduler.Observed;
import java.util.Map;
import java.util.Optional;

/** Reads a listed container back into an {@link Observed} dyno from its labels and state. */
final class ObservedContainers {
  private ObservedContainers() {}

  /**
   * Empty for containers of the scope that are not dynos (slug image preparation) or carry broken
   * labels.
   */
  static Optional<Observed> of(Container c, String network) {
    Map<String, String> l = c.getLabels();
    if (l == null || l.get(Labels.DYNO) == null || l.get(Labels.APP) == null)
      return Optional.empty();
    try {
      return Optional.of(
          new Observed(
              c.getId(),
              l.get(Labels.APP),
              l.get(Labels.DYNO),
              l.getOrDefault(Labels.TYPE, ""),
              Integer.parseInt(l.getOrDefault(Labels.RELEASE, "0")),
              l.get(Labels.SLUG),
              Long.parseLong(l.getOrDefault(Labels.GENERATION, "0")),
              Long.parseLong(l.getOrDefault(Labels.STARTED, "0")),
              Boolean.parseBoolean(l.get(Labels.ONE_OFF)),
              l.getOrDefault(Labels.COMMAND, ""),
              l.getOrDefault(Labels.SIZE, ""),
              Integer.parseInt(l.getOrDefault(Labels.MEMORY, "0")),
              l.getOrDefault(Labels.SPEC, ""),
              status(c.getState()),
              ip(c, network),
              Integer.parseInt(l.getOrDefault(Labels.PORT, "0"))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Observed.Status status(String state) {
    if (state == null) return Observed.Status.EXITED;
    return switch (state) {
      case "created" -> Observed.Status.CREATED;
      case "running", "paused", "restarting" -> Observed.Status.RUNNING;
      default -> Observed.Status.EXITED; // exited, dead, removing
    };
  }

  private static String ip(Container c, String network) {
    if (c.getHostConfig() != null
        && ContainerSpecs.HOST_NETWORK.equals(c.getHostConfig().getNetworkMode())) {
      return status(c.getState()) == Observed.Status.RUNNING ? "127.0.0.1" : null;
    }
    if (c.getNetworkSettings() == null || c.getNetworkSettings().getNetworks() == null) return null;
    ContainerNetwork n = c.getNetworkSettings().getNetworks().get(network);
    return n == null || n.getIpAddress() == null || n.getIpAddress().isEmpty()
        ? null
        : n.getIpAddress();
  }
}
