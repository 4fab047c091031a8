package dev.hoist.cli.ps;

import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ps:restart} and {@code ps:stop}: one request each; the dyno manager does the work. */
public final class PsActionCommands {

    private PsActionCommands() {
    }

    /** {@code web.1 dyno} for a dyno name, {@code web dynos} for a process type. */
    static String target(String dynoOrType) {
        return dynoOrType.contains(".") ? dynoOrType + " dyno" : dynoOrType + " dynos";
    }

    @Command(name = "ps:restart", description = "Restart all dynos, the dynos of one process type, or one dyno.")
    public static final class Restart extends AppCommand {

        @Parameters(paramLabel = "DYNO|TYPE", arity = "0..1", description = "web.1, or web (default: every dyno).")
        String target;

        @Override
        protected int run() {
            String app = app();
            if (target == null) {
                api().delete(ApiPaths.of("apps", app, "dynos"));
                out().println("Restarting dynos on " + app + "... done");
            } else {
                api().delete(ApiPaths.of("apps", app, "dynos", target));
                out().println("Restarting " + target(target) + " on " + app + "... done");
            }
            return 0;
        }
    }

    @Command(name = "ps:stop", description = "Stop a dyno: a formation dyno starts again, a one-off ends.")
    public static final class Stop extends AppCommand {

        @Parameters(paramLabel = "DYNO", description = "The dyno's name, e.g. run.4711 or web.1.")
        String dyno;

        @Override
        protected int run() {
            String app = app();
            api().post(ApiPaths.of("apps", app, "dynos", dyno, "actions", "stop"), null);
            out().println("Stopping " + target(dyno) + " on " + app + "... done");
            return 0;
        }
    }
}
