package dev.hoist.cli.run;

import dev.hoist.cli.AppCommand;
import java.util.Map;
import picocli.CommandLine.Mixin;

/**
 * Base of {@code run} and {@code run:detached}, which start a one-off dyno with {@code POST
 * /apps/{app}/dynos}: their options, and parsing {@code -e} as a usage error.
 */
abstract class OneOffCommand extends AppCommand {

  @Mixin RunOptions options;

  Map<String, String> environment() {
    try {
      return options.environment();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }
}
