package dev.hoist.cli.buildpacks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hoist buildpacks}: the app's buildpacks in run order. {@link BuildpacksChangeCommand}
 * changes them.
 */
@Command(name = "buildpacks", description = "List the app's buildpacks, in the order they run.")
public final class BuildpacksCommand extends AppCommand {

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  protected int run() {
    JsonNode installations = api().get(ApiPaths.of("apps", app(), "buildpack-installations"));
    if (json) {
      Output.json(out(), installations);
      return 0;
    }
    List<String> urls = urls(installations);
    if (urls.isEmpty()) {
      out()
          .println(
              app() + " has no buildpack set: the shipped buildpacks are detected on each build");
      return 0;
    }
    Output.heading(out(), app() + " Buildpack URLs");
    for (int i = 0; i < urls.size(); i++) {
      out().println((i + 1) + ". " + urls.get(i));
    }
    return 0;
  }

  /** The app's buildpack URLs in run order. */
  static List<String> urls(JsonNode installations) {
    List<JsonNode> sorted = new ArrayList<>();
    installations.forEach(sorted::add);
    sorted.sort(Comparator.comparingInt(i -> i.path("ordinal").asInt()));
    return sorted.stream().map(i -> Json.text(i, "buildpack.url")).toList();
  }
}
