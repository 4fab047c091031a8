package dev.hoist.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.io.Output;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hoist config}: the app's config vars, sorted; {@code -s} prints them for a shell or a .env
 * file.
 */
@Command(name = "config", description = "Show an app's config vars.")
public final class ConfigCommand extends AppCommand {

  @Option(
      names = {"-s", "--shell"},
      description = "Print KEY=value lines for a shell or a .env file.")
  boolean shell;

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  protected int run() {
    JsonNode vars = api().get(ApiPaths.of("apps", app(), "config-vars"));
    if (json) {
      Output.json(out(), vars);
      return 0;
    }
    Map<String, String> sorted = ConfigVars.sorted(vars);
    if (shell) {
      sorted.forEach((key, value) -> out().println(key + "=" + ConfigVars.shellQuote(value)));
      return 0;
    }
    if (sorted.isEmpty()) {
      out().println(app() + " has no config vars.");
      return 0;
    }
    Output.heading(out(), app() + " Config Vars");
    Output.keyValues(out(), sorted);
    return 0;
  }
}
