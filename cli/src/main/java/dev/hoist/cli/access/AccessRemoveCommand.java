package dev.hoist.cli.access;

import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hoist access:remove EMAIL}: takes a collaborator off the app, addressed by email. */
@Command(
    name = "access:remove",
    description = "Take away an account's access to an app (owner only).")
public final class AccessRemoveCommand extends AppCommand {

  @Parameters(paramLabel = "EMAIL", description = "The collaborator's email.")
  String email;

  @Override
  protected int run() {
    api().delete(ApiPaths.of("apps", app(), "collaborators", email));
    out().println("Removing " + email + " access from the app " + app() + "... done");
    return 0;
  }
}
