package dev.hoist.cli.ps;

import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hoist ps:restart [DYNO|TYPE]}: one request; the dyno manager does the work. */
@Command(
    name = "ps:restart",
    description = "Restart all dynos, the dynos of one process type, or one dyno.")
public final class PsRestartCommand extends AppCommand {

  @Parameters(
      paramLabel = "DYNO|TYPE",
      arity = "0..1",
      description = "web.1, or web (default: every dyno).")
  String target;

  @Override
  protected int run() {
    String app = app();
    if (target == null) {
      api().delete(ApiPaths.of("apps", app, "dynos"));
      out().println("Restarting dynos on " + app + "... done");
    } else {
      api().delete(ApiPaths.of("apps", app, "dynos", target));
      out().println("Restarting " + DynoTarget.describe(target) + " on " + app + "... done");
    }
    return 0;
  }
}
