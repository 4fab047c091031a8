package dev.hoist.cli.buildpacks;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hoist buildpacks:set URL [-i INDEX]}: replaces the list with one buildpack, or the one at
 * INDEX.
 */
@Command(
    name = "buildpacks:set",
    description =
        "Set the app's buildpack (replacing the list), or replace the" + " one at --index.")
public final class BuildpacksSetCommand extends BuildpacksChangeCommand {

  @Parameters(paramLabel = "URL", description = URL_HELP)
  String url;

  @Option(
      names = {"-i", "--index"},
      paramLabel = "INDEX",
      description = "The 1-based position to replace; one past the end appends.")
  Integer index;

  @Override
  List<String> change(List<String> current) {
    if (index == null) {
      // Replacing the list with itself would change nothing: refused, as a duplicate is.
      if (current.equals(List.of(url))) {
        refuseDuplicate(current, url);
      }
      return List.of(url);
    }
    checkIndexRange(index, current.size(), current.size() + 1);
    refuseDuplicate(current, url);
    if (index == current.size() + 1) {
      current.add(url);
    } else {
      current.set(index - 1, url);
    }
    return current;
  }

  @Override
  String done() {
    return "Buildpack set";
  }

  @Override
  void validate() {
    checkIndexSign(index);
  }
}
