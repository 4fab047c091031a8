package dev.hoist.cli.builds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hoist builds:output [ID]}: a build's output, the bytes as they come, until the build ends.
 */
@Command(
    name = "builds:output",
    description =
        "Show a build's output (default: the newest build's);"
            + " follows a running build until it ends.")
public final class BuildsOutputCommand extends AppCommand {

  @Parameters(
      paramLabel = "ID",
      arity = "0..1",
      description = "The build's id, or its first characters.")
  String id;

  @Override
  protected int run() {
    JsonNode build = BuildLookup.find(api(), app(), BuildLookup.checkId(id, this::usage));
    BuildOutput.follow(api(), build, rawOut());
    return 0;
  }
}
