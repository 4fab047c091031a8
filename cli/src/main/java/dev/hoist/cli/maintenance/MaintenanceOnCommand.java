package dev.hoist.cli.maintenance;

import picocli.CommandLine.Command;

/** {@code hoist maintenance:on}: requests get the maintenance page; the dynos keep running. */
@Command(
    name = "maintenance:on",
    description = "Answer every request with a 503 maintenance page (H80).")
public final class MaintenanceOnCommand extends MaintenanceSwitchCommand {

  @Override
  protected int run() {
    return switchTo(true);
  }
}
