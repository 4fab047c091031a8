package dev.hoist.cli.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import dev.hoist.cli.io.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hoist access}: an app's collaborators, the owner among them, with their roles. */
@Command(name = "access", description = "List who can work on an app, with their role.")
public final class AccessCommand extends AppCommand {

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  protected int run() {
    JsonNode collaborators = api().get(ApiPaths.of("apps", app(), "collaborators"));
    if (json) {
      Output.json(out(), collaborators);
      return 0;
    }
    Output.heading(out(), app() + " Access List");
    Table table = new Table();
    collaborators.forEach(c -> table.row(Json.text(c, "user.email"), Json.text(c, "role")));
    table.print(out());
    return 0;
  }
}
