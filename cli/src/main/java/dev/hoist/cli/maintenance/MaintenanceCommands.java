package dev.hoist.cli.maintenance;

import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code maintenance}, {@code maintenance:on} and {@code maintenance:off}: while on, the router answers
 * every request to the app with a 503 maintenance page and the dynos keep running.
 */
public final class MaintenanceCommands {

    private MaintenanceCommands() {
    }

    @Command(name = "maintenance", description = "Say whether the app is in maintenance mode (on or off).")
    public static final class Status extends AppCommand {

        @Override
        protected int run() {
            boolean on = api().get(ApiPaths.of("apps", app())).path("maintenance").asBoolean(false);
            out().println(on ? "on" : "off");
            return 0;
        }
    }

    @Command(name = "maintenance:on", description = "Answer every request with a 503 maintenance page (H80).")
    public static final class On extends Switch {

        @Override
        protected int run() {
            return switchTo(true);
        }
    }

    @Command(name = "maintenance:off", description = "Send requests to the app's dynos again.")
    public static final class Off extends Switch {

        @Override
        protected int run() {
            return switchTo(false);
        }
    }

    /** What {@code maintenance:on} and {@code maintenance:off} share: one {@code PATCH} of the app. */
    abstract static class Switch extends AppCommand {

        int switchTo(boolean on) {
            String app = app();
            api().patch(ApiPaths.of("apps", app), Map.of("maintenance", on));
            out().println((on ? "Enabling" : "Disabling") + " maintenance mode for " + app + "... done");
            return 0;
        }
    }
}
