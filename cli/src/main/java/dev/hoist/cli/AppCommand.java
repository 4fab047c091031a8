package dev.hoist.cli;

import dev.hoist.cli.io.Git;
import picocli.CommandLine.Mixin;

/**
 * A command that works on one app, chosen with {@code -a/--app} or the {@code hoist} git remote.
 */
public abstract class AppCommand extends HoistCommand {

  @Mixin AppOptions appOptions;

  private String resolved;

  /** The app's name; resolving it runs git locally and sends nothing. */
  protected String app() {
    if (resolved == null) {
      resolved = appOptions.resolve(env());
    }
    return resolved;
  }

  /** The git remote that {@code -r} names, {@code hoist} without it. */
  protected String remoteName() {
    return appOptions.remoteName();
  }

  protected Git git() {
    return new Git(env().workingDirectory());
  }
}
