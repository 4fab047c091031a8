package dev.hoist.cli.apps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppOptions;
import dev.hoist.cli.CliException;
import dev.hoist.cli.HoistCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Git;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hoist git:remote -a APP [-r NAME]}: adds the git remote (or repoints it) to the app's
 * {@code git_url}. Here {@code -r} names the remote to write, as in {@code heroku git:remote}.
 */
@Command(name = "git:remote", description = "Add or update a git remote pointing at an app.")
public final class GitRemoteCommand extends HoistCommand {

  @Option(
      names = {"-a", "--app"},
      paramLabel = "APP",
      description = "The app (default: the current 'hoist' remote's app).")
  String app;

  @Option(
      names = {"-r", "--remote"},
      paramLabel = "REMOTE",
      defaultValue = AppOptions.DEFAULT_REMOTE,
      description = "The git remote to set (default: ${DEFAULT-VALUE}).")
  String remote;

  @Override
  protected int run() {
    Git git = new Git(env().workingDirectory());
    if (!git.isRepository()) {
      throw new CliException("not inside a git repository: run 'git init' first");
    }
    JsonNode found = api().get(ApiPaths.of("apps", AppOptions.forApp(app).resolve(env())));
    String url = Json.text(found, "git_url");
    if (url.isEmpty()) {
      throw new CliException("the API gave no git URL for " + Json.text(found, "name"));
    }
    git.setRemote(remote, url);
    out().println("set git remote " + remote + " to " + url);
    return 0;
  }
}
