package dev.hoist.cli.builds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import dev.hoist.cli.io.Table;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hoist builds}: the newest builds first, with short ids and versions. */
@Command(name = "builds", description = "List an app's builds, newest first.")
public final class BuildsCommand extends AppCommand {

  @Option(
      names = {"-n", "--num"},
      paramLabel = "N",
      defaultValue = "10",
      description = "How many builds to show (default: ${DEFAULT-VALUE}).")
  int num;

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  protected int run() {
    if (num < 1) {
      throw usage("--num must be 1 or more");
    }
    List<JsonNode> all = BuildLookup.oldestFirst(api(), app());
    List<JsonNode> shown = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && shown.size() < num; i--) {
      shown.add(all.get(i));
    }
    if (json) {
      ArrayNode array = Json.MAPPER.createArrayNode();
      shown.forEach(array::add);
      Output.json(out(), array);
      return 0;
    }
    if (shown.isEmpty()) {
      out().println(app() + " has no builds.");
      return 0;
    }
    // The API names a build's user by id; an email, when one comes, is worth a column.
    boolean emails = shown.stream().anyMatch(b -> !Json.text(b, "user.email").isEmpty());
    Table table = new Table();
    for (JsonNode build : shown) {
      String when = Output.when(Json.text(build, "created_at"), env().now());
      if (emails) {
        table.row(
            BuildLookup.shortId(build),
            Json.text(build, "status"),
            BuildLookup.shortVersion(build),
            Json.text(build, "user.email"),
            when);
      } else {
        table.row(
            BuildLookup.shortId(build),
            Json.text(build, "status"),
            BuildLookup.shortVersion(build),
            when);
      }
    }
    Output.heading(out(), app() + " Builds");
    table.print(out());
    return 0;
  }
}
