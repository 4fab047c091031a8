package dev.hoist.deploy.parts;

import dev.hoist.internal.state.DesiredState.DynoOptions;
import java.util.Map;

/**
 * A platform app as the seed creates it: its name, the stack image, the one process type it runs
 * and the command, the size and the quantity of its first deploy, its config vars, its
 * platform-only dyno options (null for none) and its hand-packed slug.
 */
public record Part(
    String app,
    String stackImage,
    String processType,
    String command,
    String size,
    int quantity,
    Map<String, String> config,
    DynoOptions options,
    SlugPacker slug) {
  @Override
  public String toString() { // config holds the component token
    return "Part[" + app + "]";
  }
}
