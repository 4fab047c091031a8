package dev.hoist.cli.buildpacks;

import dev.hoist.cli.CliException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hoist buildpacks:remove URL|-i INDEX}: removes one buildpack, named by its URL or its
 * position.
 */
@Command(
    name = "buildpacks:remove",
    description = "Remove a buildpack, named by its URL or by --index.")
public final class BuildpacksRemoveCommand extends BuildpacksChangeCommand {

  @Parameters(paramLabel = "URL", arity = "0..1", description = "The buildpack to remove.")
  String url;

  @Option(
      names = {"-i", "--index"},
      paramLabel = "INDEX",
      description = "The 1-based position to remove.")
  Integer index;

  @Override
  List<String> change(List<String> current) {
    if (current.isEmpty()) {
      throw new CliException(app() + " has no buildpack set: nothing to remove");
    }
    if (index != null) {
      checkIndexRange(index, current.size(), current.size());
      current.remove(index - 1);
      return current;
    }
    if (!current.remove(url)) {
      throw new CliException(
          "the buildpack " + url + " is not set on " + app() + ": nothing was removed");
    }
    return current;
  }

  @Override
  String done() {
    return "Buildpack removed";
  }

  @Override
  void validate() {
    if (url != null && index != null) {
      throw usage("give either a URL or --index, not both");
    }
    if (url == null && index == null) {
      throw usage("name the buildpack to remove by its URL or by --index");
    }
    checkIndexSign(index);
  }
}
