package dev.hoist.cli.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import dev.hoist.cli.io.Table;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code access}, {@code access:add}, {@code access:remove}: an app's collaborators. */
public final class AccessCommands {

    private AccessCommands() {
    }

    @Command(name = "access", description = "List who can work on an app, with their role.")
    public static final class Index extends AppCommand {

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        protected int run() {
            JsonNode collaborators = api().get(ApiPaths.of("apps", app(), "collaborators"));
            if (json) {
                Output.json(out(), collaborators);
                return 0;
            }
            Output.heading(out(), app() + " Access List");
            Table table = new Table();
            collaborators.forEach(c -> table.row(Json.text(c, "user.email"), Json.text(c, "role")));
            table.print(out());
            return 0;
        }
    }

    @Command(name = "access:add", description = "Let another account work on an app (owner only).")
    public static final class Add extends AppCommand {

        @Parameters(paramLabel = "EMAIL", description = "The collaborator's email.")
        String email;

        @Override
        protected int run() {
            api().post(ApiPaths.of("apps", app(), "collaborators"), Map.of("user", email));
            out().println("Adding " + email + " access to the app " + app() + "... done");
            return 0;
        }
    }

    @Command(name = "access:remove", description = "Take away an account's access to an app (owner only).")
    public static final class Remove extends AppCommand {

        @Parameters(paramLabel = "EMAIL", description = "The collaborator's email.")
        String email;

        @Override
        protected int run() {
            api().delete(ApiPaths.of("apps", app(), "collaborators", email));
            out().println("Removing " + email + " access from the app " + app() + "... done");
            return 0;
        }
    }
}
