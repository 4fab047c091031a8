package dev.hoist.cli;

import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code maintenance}, {@code maintenance:on} and {@code maintenance:off}: while on, the router answers
 * every request to the app with a 503 maintenance page and the dynos keep running.
 */
final class MaintenanceCommands {

    private MaintenanceCommands() {
    }

    @Command(name = "maintenance", description = "Say whether the app is in maintenance mode (on or off).")
    static final class Status extends AppCommand {

        @Override
        protected int run() {
            boolean on = api().get(ApiPaths.of("apps", app())).path("maintenance").asBoolean(false);
            out().println(on ? "on" : "off");
            return 0;
        }
    }

    @Command(name = "maintenance:on", description = "Answer every request with a 503 maintenance page (H80).")
    static final class On extends AppCommand {

        @Override
        protected int run() {
            return set(this, true);
        }
    }

    @Command(name = "maintenance:off", description = "Send requests to the app's dynos again.")
    static final class Off extends AppCommand {

        @Override
        protected int run() {
            return set(this, false);
        }
    }

    private static int set(AppCommand command, boolean on) {
        String app = command.app();
        command.api().patch(ApiPaths.of("apps", app), Map.of("maintenance", on));
        command.out().println((on ? "Enabling" : "Disabling") + " maintenance mode for " + app + "... done");
        return 0;
    }
}
