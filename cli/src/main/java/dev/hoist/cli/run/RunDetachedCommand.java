package dev.hoist.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code hoist run:detached COMMAND...}: a one-off dyno whose output goes to the app's logs. */
@Command(
    name = "run:detached",
    description = "Run a one-off command in a dyno; its output goes to the logs.")
public final class RunDetachedCommand extends OneOffCommand {

  @Override
  protected int run() {
    Map<String, String> environment = environment();
    String app = app();
    JsonNode dyno = api().post(ApiPaths.of("apps", app, "dynos"), options.body(false, environment));
    String name = Json.text(dyno, "name");
    out().println("Running " + options.command() + " on " + app + "... done, " + name);
    out().println("Use 'hoist logs -a " + app + " --dyno " + name + "' to view the output.");
    return 0;
  }
}
