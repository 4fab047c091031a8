package dev.hoist.cli.access;

import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hoist access:add EMAIL}: makes another account a collaborator on the app. */
@Command(name = "access:add", description = "Let another account work on an app (owner only).")
public final class AccessAddCommand extends AppCommand {

  @Parameters(paramLabel = "EMAIL", description = "The collaborator's email.")
  String email;

  @Override
  protected int run() {
    api().post(ApiPaths.of("apps", app(), "collaborators"), Map.of("user", email));
    out().println("Adding " + email + " access to the app " + app() + "... done");
    return 0;
  }
}
