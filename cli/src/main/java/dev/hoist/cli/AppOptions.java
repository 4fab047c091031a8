package dev.hoist.cli;

import dev.hoist.cli.io.Environment;
import dev.hoist.cli.io.Git;
import picocli.CommandLine.Option;

/**
 * {@code -a/--app} and {@code -r/--remote}, shared by every command that works on one app. Without
 * {@code -a} the app comes from the git remote ({@code hoist} unless {@code -r} names another) of
 * the repository in the working directory.
 */
public final class AppOptions {

  public static final String DEFAULT_REMOTE = "hoist";

  @Option(
      names = {"-a", "--app"},
      paramLabel = "APP",
      description = "The app to work on.")
  String app;

  @Option(
      names = {"-r", "--remote"},
      paramLabel = "REMOTE",
      description = "Find the app from this git remote (default: hoist).")
  String remote;

  /**
   * Options as if only {@code -a app} had been given; a null {@code app} means "from the hoist
   * remote".
   */
  public static AppOptions forApp(String app) {
    AppOptions options = new AppOptions();
    options.app = app;
    return options;
  }

  /** The app's name, or a usage error when none can be found. Runs git; sends nothing. */
  public String resolve(Environment env) {
    if (app != null && !app.isBlank()) {
      return app.strip();
    }
    String remoteName = remote != null ? remote : DEFAULT_REMOTE;
    String url = new Git(env.workingDirectory()).remoteUrl(remoteName).orElse(null);
    if (url != null && Git.appFromUrl(url) != null) {
      return Git.appFromUrl(url);
    }
    if (remote != null) {
      throw new UsageException("no git remote named '" + remote + "' in this directory");
    }
    throw new UsageException(
        "no app specified: use -a APP or run inside a repository with a 'hoist' git remote");
  }

  /** The remote name commands should update when they change the app's git URL. */
  String remoteName() {
    return remote != null ? remote : DEFAULT_REMOTE;
  }
}
