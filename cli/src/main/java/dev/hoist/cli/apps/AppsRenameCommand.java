package dev.hoist.cli.apps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Git;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hoist apps:rename NEWNAME}: renames the app and, when the local git remote pointed at the
 * old name, points it at the new git URL.
 */
@Command(name = "apps:rename", description = "Rename an app (owner only).")
public final class AppsRenameCommand extends AppCommand {

  @Parameters(paramLabel = "NEWNAME", description = "The app's new name.")
  String newName;

  @Override
  protected int run() {
    String oldName = app();
    JsonNode app = api().patch(ApiPaths.of("apps", oldName), Map.of("name", newName));
    String renamed = Json.text(app, "name", newName);
    out().println("Renaming " + oldName + " to " + renamed + "... done");
    out().println(Json.text(app, "web_url") + " | " + Json.text(app, "git_url"));

    Git git = git();
    String remote = remoteName();
    String remoteUrl = git.remoteUrl(remote).orElse(null);
    if (remoteUrl != null
        && oldName.equals(Git.appFromUrl(remoteUrl))
        && !Json.text(app, "git_url").isEmpty()) {
      git.setRemote(remote, Json.text(app, "git_url"));
      out().println("Git remote " + remote + " updated");
    }
    out().println("Don't forget to update git remotes for all other local checkouts of the app.");
    return 0;
  }
}
