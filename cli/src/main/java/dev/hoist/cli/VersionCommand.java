package dev.hoist.cli;

import picocli.CommandLine.Command;

/** {@code hoist version}: the same line as {@code hoist --version}. */
@Command(name = "version", description = "Show the CLI version.")
final class VersionCommand extends HoistCommand {

  @Override
  protected int run() {
    out().println(Version.line());
    return 0;
  }
}
