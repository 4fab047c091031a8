package dev.hoist.cli.releases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.CliException;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import dev.hoist.cli.io.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code releases} and {@code releases:info}. */
public final class ReleasesCommands {

    private ReleasesCommands() {
    }

    /** The description, with the status appended when the release did not succeed, as Heroku does. */
    static String description(JsonNode release) {
        String status = Json.text(release, "status");
        String description = Json.text(release, "description");
        return status.isEmpty() || status.equals("succeeded") ? description : description + " (" + status + ")";
    }

    @Command(name = "releases", description = "List an app's releases, newest first.")
    public static final class Index extends AppCommand {

        @Option(names = {"-n", "--num"}, paramLabel = "N", defaultValue = "15",
                description = "How many releases to show (default: ${DEFAULT-VALUE}).")
        int num;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        protected int run() {
            if (num < 1 || num > 1000) {
                throw usage("--num must be between 1 and 1000");
            }
            JsonNode releases = Releases.newestFirst(api(), app(), num);
            if (json) {
                Output.json(out(), releases);
                return 0;
            }
            if (releases.isEmpty()) {
                out().println(app() + " has no releases.");
                return 0;
            }
            String current = "";
            Table table = new Table();
            for (JsonNode release : releases) {
                boolean isCurrent = release.path("current").asBoolean(false);
                String version = "v" + release.path("version").asInt();
                current = isCurrent ? version : current;
                table.row(version, description(release), Json.text(release, "user.email"),
                        Output.when(Json.text(release, "created_at"), env().now()), isCurrent ? "(current)" : "");
            }
            Output.heading(out(), app() + " Releases" + (current.isEmpty() ? "" : " - Current: " + current));
            table.print(out());
            return 0;
        }
    }

    @Command(name = "releases:info", description = "Show one release (default: the current one).")
    public static final class Info extends AppCommand {

        @Parameters(paramLabel = "RELEASE", arity = "0..1", description = "The version, as v5 or 5.")
        String release;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        protected int run() {
            JsonNode found;
            if (release != null) {
                int version;
                try {
                    version = Releases.parseVersion(release);
                } catch (IllegalArgumentException e) {
                    throw usage(e.getMessage());
                }
                found = api().get(ApiPaths.of("apps", app(), "releases", Integer.toString(version)));
            } else {
                found = Releases.current(api(), app())
                        .orElseThrow(() -> new CliException(app() + " has no releases"));
            }
            if (json) {
                Output.json(out(), found);
                return 0;
            }
            Output.heading(out(), "Release v" + found.path("version").asInt());
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("By", Json.text(found, "user.email"));
            fields.put("Change", Json.text(found, "description"));
            fields.put("Current", Boolean.toString(found.path("current").asBoolean(false)));
            fields.put("Slug", Json.text(found, "slug.id"));
            fields.put("Status", Json.text(found, "status"));
            fields.put("When", Json.text(found, "created_at"));
            Output.keyValues(out(), fields);
            return 0;
        }
    }
}
