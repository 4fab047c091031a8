package dev.hoist.cli.apps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppOptions;
import dev.hoist.cli.HoistCommand;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Git;
import dev.hoist.cli.io.Output;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hoist apps:create [NAME]}: creates the app (the API names it when no name is given) and,
 * inside a git repository, points the {@code hoist} remote at it.
 */
@Command(name = "apps:create", description = "Create an app and add a 'hoist' git remote for it.")
public final class AppsCreateCommand extends HoistCommand {

  @Parameters(
      paramLabel = "NAME",
      arity = "0..1",
      description = "The app's name (generated when omitted).")
  String name;

  @Option(
      names = {"-r", "--remote"},
      paramLabel = "REMOTE",
      defaultValue = AppOptions.DEFAULT_REMOTE,
      description = "The git remote to add (default: ${DEFAULT-VALUE}).")
  String remote;

  @Option(names = "--no-remote", description = "Do not add a git remote.")
  boolean noRemote;

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  protected int run() {
    JsonNode app = api().post("/apps", name == null ? Map.of() : Map.of("name", name));
    String created = Json.text(app, "name");
    String gitUrl = Json.text(app, "git_url");
    Git git = new Git(env().workingDirectory());
    boolean addRemote = !noRemote && !gitUrl.isEmpty() && git.isRepository();
    if (addRemote) {
      git.setRemote(remote, gitUrl);
    }
    if (json) {
      Output.json(out(), app);
      return 0;
    }
    out()
        .println(
            name == null ? "Creating app... done, " + created : "Creating " + created + "... done");
    out().println(Json.text(app, "web_url") + " | " + gitUrl);
    return 0;
  }
}
