package dev.hoist.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.io.Output;
import dev.hoist.cli.releases.ReleaseHistory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hoist config:set KEY=VALUE...}: checks every argument before sending anything, then sends
 * one {@code PATCH}, so a bad argument changes nothing and a good command makes one release.
 */
@Command(
    name = "config:set",
    description = "Set config vars and restart the app (one new release).")
public final class ConfigSetCommand extends AppCommand {

  @Parameters(paramLabel = "KEY=VALUE", arity = "1..*", description = "Values may contain '='.")
  List<String> assignments;

  @Override
  protected int run() {
    Map<String, String> vars;
    try {
      vars = ConfigVars.parseAssignments(assignments);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    String app = app();
    JsonNode result = api().patch(ApiPaths.of("apps", app, "config-vars"), vars);
    out()
        .println(
            "Setting "
                + String.join(", ", vars.keySet())
                + " and restarting "
                + app
                + "... done, "
                + ReleaseHistory.currentVersionLabel(api(), app));
    Map<String, String> shown = new LinkedHashMap<>();
    vars.keySet()
        .forEach(key -> shown.put(key, result.has(key) ? result.get(key).asText() : vars.get(key)));
    Output.keyValues(out(), shown);
    return 0;
  }
}
