package dev.hoist.cli.builds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.CliException;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import dev.hoist.cli.io.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code builds}, {@code builds:info}, {@code builds:output} and {@code builds:cache:purge}. */
public final class BuildsCommands {

    private BuildsCommands() {
    }

    @Command(name = "builds", description = "List an app's builds, newest first.")
    public static final class Index extends AppCommand {

        @Option(names = {"-n", "--num"}, paramLabel = "N", defaultValue = "10",
                description = "How many builds to show (default: ${DEFAULT-VALUE}).")
        int num;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        protected int run() {
            if (num < 1) {
                throw usage("--num must be 1 or more");
            }
            List<JsonNode> all = Builds.oldestFirst(api(), app());
            List<JsonNode> shown = new ArrayList<>();
            for (int i = all.size() - 1; i >= 0 && shown.size() < num; i--) {
                shown.add(all.get(i));
            }
            if (json) {
                ArrayNode array = Json.MAPPER.createArrayNode();
                shown.forEach(array::add);
                Output.json(out(), array);
                return 0;
            }
            if (shown.isEmpty()) {
                out().println(app() + " has no builds.");
                return 0;
            }
            // The API names a build's user by id; an email, when one comes, is worth a column.
            boolean emails = shown.stream().anyMatch(b -> !Json.text(b, "user.email").isEmpty());
            Table table = new Table();
            for (JsonNode build : shown) {
                String when = Output.when(Json.text(build, "created_at"), env().now());
                if (emails) {
                    table.row(Builds.shortId(build), Json.text(build, "status"), Builds.shortVersion(build),
                            Json.text(build, "user.email"), when);
                } else {
                    table.row(Builds.shortId(build), Json.text(build, "status"), Builds.shortVersion(build), when);
                }
            }
            Output.heading(out(), app() + " Builds");
            table.print(out());
            return 0;
        }
    }

    @Command(name = "builds:info", description = "Show one build (default: the newest).")
    public static final class Info extends AppCommand {

        @Parameters(paramLabel = "ID", arity = "0..1", description = "The build's id, or its first characters.")
        String id;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        protected int run() {
            JsonNode build = Builds.find(api(), app(), checkId(id, this::usage));
            if (json) {
                Output.json(out(), build);
                return 0;
            }
            List<String> buildpacks = new ArrayList<>();
            build.path("buildpacks").forEach(b -> buildpacks.add(Json.text(b, "url")));
            String release = Json.text(build, "release.version");
            Output.heading(out(), "Build " + Json.text(build, "id"));
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("Buildpacks", buildpacks.isEmpty() ? "detected" : String.join(", ", buildpacks));
            fields.put("By", Json.text(build, "user.email", Json.text(build, "user.id")));
            if (!Json.text(build, "message").isEmpty()) {
                fields.put("Message", Json.text(build, "message"));
            }
            fields.put("Release", release.isEmpty() ? "" : "v" + release);
            fields.put("Slug", Json.text(build, "slug.id"));
            fields.put("Stack", Json.text(build, "stack"));
            fields.put("Status", Json.text(build, "status"));
            fields.put("Version", Json.text(build, "source_blob.version"));
            fields.put("When", Json.text(build, "created_at"));
            Output.keyValues(out(), fields);
            return 0;
        }
    }

    @Command(name = "builds:output", description = "Show a build's output (default: the newest build's);"
            + " follows a running build until it ends.")
    public static final class BuildOutput extends AppCommand {

        @Parameters(paramLabel = "ID", arity = "0..1", description = "The build's id, or its first characters.")
        String id;

        @Override
        protected int run() {
            JsonNode build = Builds.find(api(), app(), checkId(id, this::usage));
            Builds.followOutput(api(), build, rawOut());
            return 0;
        }
    }

    @Command(name = "builds:cache:purge", description = "Delete the app's build cache: the next build starts clean.")
    public static final class CachePurge extends AppCommand {

        @Option(names = "--confirm", paramLabel = "APP", description = "The app's name, to confirm.")
        String confirm;

        @Override
        protected int run() {
            String app = app();
            if (!app.equals(confirm)) {
                throw new CliException("This command will delete the build cache of " + app + ". Re-run with --confirm "
                        + app);
            }
            api().delete(ApiPaths.of("apps", app, "build-cache"));
            out().println("Purging build cache for " + app + "... done");
            return 0;
        }
    }

    /** A blank id would match every build by prefix; {@code usage} makes the refusal that says so instead. */
    static String checkId(String id, Function<String, ? extends RuntimeException> usage) {
        if (id != null && id.isBlank()) {
            throw usage.apply("the build id is empty");
        }
        return id == null ? null : id.strip();
    }
}
