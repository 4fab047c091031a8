package dev.hoist.cli.apps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.HoistCommand;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import dev.hoist.cli.io.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hoist apps}: your apps and the apps you collaborate on, naming the owner of the latter.
 */
@Command(name = "apps", description = "List your apps and the apps you collaborate on.")
public final class AppsCommand extends HoistCommand {

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  protected int run() {
    JsonNode apps = api().get("/apps");
    if (json) {
      Output.json(out(), apps);
      return 0;
    }
    if (apps.isEmpty()) {
      out().println("You have no apps.");
      return 0;
    }
    String me = Json.text(api().get("/account"), "email");
    Output.heading(out(), me + " Apps");
    Table table = new Table();
    for (JsonNode app : apps) {
      String owner = Json.text(app, "owner.email");
      table.row(Json.text(app, "name"), owner.equalsIgnoreCase(me) ? "" : owner);
    }
    table.print(out());
    return 0;
  }
}
