package dev.hoist.cli.maintenance;

import picocli.CommandLine.Command;

/** {@code hoist maintenance:off}: requests go to the app's dynos again. */
@Command(name = "maintenance:off", description = "Send requests to the app's dynos again.")
public final class MaintenanceOffCommand extends MaintenanceSwitchCommand {

  @Override
  protected int run() {
    return switchTo(false);
  }
}
