package dev.hoist.cli.builds;

import dev.hoist.cli.AppCommand;
import dev.hoist.cli.CliException;
import dev.hoist.cli.api.ApiPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hoist builds:cache:purge --confirm APP}: deletes the build cache. Refuses, sending
 * nothing, unless {@code --confirm} repeats the app's name.
 */
@Command(
    name = "builds:cache:purge",
    description = "Delete the app's build cache: the next build starts clean.")
public final class BuildsCachePurgeCommand extends AppCommand {

  @Option(names = "--confirm", paramLabel = "APP", description = "The app's name, to confirm.")
  String confirm;

  @Override
  protected int run() {
    String app = app();
    if (!app.equals(confirm)) {
      throw new CliException(
          "This command will delete the build cache of " + app + ". Re-run with --confirm " + app);
    }
    api().delete(ApiPaths.of("apps", app, "build-cache"));
    out().println("Purging build cache for " + app + "... done");
    return 0;
  }
}
