package dev.hoist.cli.ps;

import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hoist ps:stop DYNO}: one request; the dyno manager does the work. */
@Command(
    name = "ps:stop",
    description = "Stop a dyno: a formation dyno starts again, a one-off ends.")
public final class PsStopCommand extends AppCommand {

  @Parameters(paramLabel = "DYNO", description = "The dyno's name, e.g. run.4711 or web.1.")
  String dyno;

  @Override
  protected int run() {
    String app = app();
    api().post(ApiPaths.of("apps", app, "dynos", dyno, "actions", "stop"), null);
    out().println("Stopping " + DynoTarget.describe(dyno) + " on " + app + "... done");
    return 0;
  }
}
