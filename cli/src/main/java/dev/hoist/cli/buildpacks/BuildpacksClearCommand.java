package dev.hoist.cli.buildpacks;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code hoist buildpacks:clear}: an empty list, so builds detect the shipped buildpacks again. */
@Command(
    name = "buildpacks:clear",
    description = "Remove every buildpack: builds detect the shipped ones again.")
public final class BuildpacksClearCommand extends BuildpacksChangeCommand {

  @Override
  List<String> change(List<String> current) {
    return List.of();
  }

  @Override
  String done() {
    return "Buildpacks cleared";
  }
}
