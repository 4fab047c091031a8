package dev.hoist.cli.config;

import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.releases.ReleaseHistory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hoist config:unset KEY...}: checks every key before sending anything, then sends one
 * {@code PATCH} with each key set to null, so a good command makes one release.
 */
@Command(
    name = "config:unset",
    description = "Unset config vars and restart the app (one new release).")
public final class ConfigUnsetCommand extends AppCommand {

  @Parameters(paramLabel = "KEY", arity = "1..*", description = "The config vars to unset.")
  List<String> keys;

  @Override
  protected int run() {
    Map<String, Object> vars = new LinkedHashMap<>();
    try {
      keys.forEach(key -> vars.put(ConfigVars.checkKey(key), null));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    String app = app();
    api().patch(ApiPaths.of("apps", app, "config-vars"), vars);
    out()
        .println(
            "Unsetting "
                + String.join(", ", vars.keySet())
                + " and restarting "
                + app
                + "... done, "
                + ReleaseHistory.currentVersionLabel(api(), app));
    return 0;
  }
}
