package dev.hoist.cli.buildpacks;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hoist buildpacks:add URL [-i INDEX]}: appends a buildpack, or inserts it at INDEX. */
@Command(
    name = "buildpacks:add",
    description = "Add a buildpack to the end of the list, or insert it at --index.")
public final class BuildpacksAddCommand extends BuildpacksChangeCommand {

  @Parameters(paramLabel = "URL", description = URL_HELP)
  String url;

  @Option(
      names = {"-i", "--index"},
      paramLabel = "INDEX",
      description = "The 1-based position to insert at (default: the end).")
  Integer index;

  @Override
  List<String> change(List<String> current) {
    if (index != null) {
      checkIndexRange(index, current.size(), current.size() + 1);
    }
    refuseDuplicate(current, url);
    current.add(index == null ? current.size() : index - 1, url);
    return current;
  }

  @Override
  String done() {
    return "Buildpack added";
  }

  @Override
  void validate() {
    checkIndexSign(index);
  }
}
