package dev.hoist.cli.maintenance;

import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import java.util.Map;

/**
 * Base of {@code maintenance:on} and {@code maintenance:off}: one {@code PATCH} of the app's {@code
 * maintenance} field. While it is on, the router answers every request to the app with a 503
 * maintenance page and the dynos keep running.
 */
abstract class MaintenanceSwitchCommand extends AppCommand {

  int switchTo(boolean on) {
    String app = app();
    api().patch(ApiPaths.of("apps", app), Map.of("maintenance", on));
    out().println((on ? "Enabling" : "Disabling") + " maintenance mode for " + app + "... done");
    return 0;
  }
}
