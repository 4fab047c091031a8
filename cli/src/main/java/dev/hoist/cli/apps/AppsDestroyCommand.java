package dev.hoist.cli.apps;

import dev.hoist.cli.AppCommand;
import dev.hoist.cli.CliException;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.io.Git;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hoist apps:destroy --confirm NAME}: deletes the app with its config, releases and dynos.
 * Refuses, sending nothing, unless {@code --confirm} repeats the app's name.
 */
@Command(name = "apps:destroy", description = "Permanently delete an app (owner only).")
public final class AppsDestroyCommand extends AppCommand {

  @Option(names = "--confirm", paramLabel = "NAME", description = "The app's name, to confirm.")
  String confirm;

  @Override
  protected int run() {
    String name = app();
    if (!name.equals(confirm)) {
      throw new CliException(
          "This command will delete " + name + ". Re-run with --confirm " + name);
    }
    api().delete(ApiPaths.of("apps", name));
    out().println("Destroying " + name + "... done");

    Git git = git();
    String remote = remoteName();
    String url = git.remoteUrl(remote).orElse(null);
    if (url != null && name.equals(Git.appFromUrl(url))) {
      git.removeRemote(remote);
    }
    return 0;
  }
}
