package dev.hoist.cli.releases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import dev.hoist.cli.io.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hoist releases}: the newest releases first, the current one marked, times relative. */
@Command(name = "releases", description = "List an app's releases, newest first.")
public final class ReleasesCommand extends AppCommand {

  @Option(
      names = {"-n", "--num"},
      paramLabel = "N",
      defaultValue = "15",
      description = "How many releases to show (default: ${DEFAULT-VALUE}).")
  int num;

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  protected int run() {
    if (num < 1 || num > 1000) {
      throw usage("--num must be between 1 and 1000");
    }
    JsonNode releases = ReleaseHistory.newestFirst(api(), app(), num);
    if (json) {
      Output.json(out(), releases);
      return 0;
    }
    if (releases.isEmpty()) {
      out().println(app() + " has no releases.");
      return 0;
    }
    String current = "";
    Table table = new Table();
    for (JsonNode release : releases) {
      boolean isCurrent = release.path("current").asBoolean(false);
      String version = "v" + release.path("version").asInt();
      current = isCurrent ? version : current;
      table.row(
          version,
          description(release),
          Json.text(release, "user.email"),
          Output.when(Json.text(release, "created_at"), env().now()),
          isCurrent ? "(current)" : "");
    }
    Output.heading(
        out(), app() + " Releases" + (current.isEmpty() ? "" : " - Current: " + current));
    table.print(out());
    return 0;
  }

  /** The description, with the status appended when the release did not succeed, as Heroku does. */
  static String description(JsonNode release) {
    String status = Json.text(release, "status");
    String description = Json.text(release, "description");
    return status.isEmpty() || status.equals("succeeded")
        ? description
        : description + " (" + status + ")";
  }
}
