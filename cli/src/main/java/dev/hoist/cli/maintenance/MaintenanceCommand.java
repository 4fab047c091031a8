package dev.hoist.cli.maintenance;

import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import picocli.CommandLine.Command;

/**
 * {@code hoist maintenance}: {@code on} or {@code off}, from the app's {@code maintenance} field.
 */
@Command(
    name = "maintenance",
    description = "Say whether the app is in maintenance mode (on or off).")
public final class MaintenanceCommand extends AppCommand {

  @Override
  protected int run() {
    boolean on = api().get(ApiPaths.of("apps", app())).path("maintenance").asBoolean(false);
    out().println(on ? "on" : "off");
    return 0;
  }
}
