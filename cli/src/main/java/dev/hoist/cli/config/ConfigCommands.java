package dev.hoist.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.ErrorHandler;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.io.Output;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code config} and {@code config:get}: reading config vars. */
public final class ConfigCommands {

    /** Characters that need no quoting in a POSIX shell word. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ConfigCommands() {
    }

    static Map<String, String> sorted(JsonNode vars) {
        Map<String, String> sorted = new TreeMap<>();
        vars.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return sorted;
    }

    /** {@code 'it''s'}-style quoting, only when the value would not survive the shell as is. */
    static String shellQuote(String value) {
        if (SHELL_SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    @Command(name = "config", description = "Show an app's config vars.")
    public static final class Index extends AppCommand {

        @Option(names = {"-s", "--shell"}, description = "Print KEY=value lines for a shell or a .env file.")
        boolean shell;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @Override
        protected int run() {
            JsonNode vars = api().get(ApiPaths.of("apps", app(), "config-vars"));
            if (json) {
                Output.json(out(), vars);
                return 0;
            }
            Map<String, String> sorted = sorted(vars);
            if (shell) {
                sorted.forEach((key, value) -> out().println(key + "=" + shellQuote(value)));
                return 0;
            }
            if (sorted.isEmpty()) {
                out().println(app() + " has no config vars.");
                return 0;
            }
            Output.heading(out(), app() + " Config Vars");
            Output.keyValues(out(), sorted);
            return 0;
        }
    }

    @Command(name = "config:get", description = "Print one config var's value (exit 1 when it is unset).")
    public static final class Get extends AppCommand {

        @Parameters(paramLabel = "KEY", description = "The config var.")
        String key;

        @Option(names = {"-s", "--shell"}, description = "Print KEY=value.")
        boolean shell;

        @Override
        protected int run() {
            JsonNode value = api().get(ApiPaths.of("apps", app(), "config-vars")).get(key);
            if (value == null || value.isNull()) {
                return ErrorHandler.USER_ERROR;
            }
            out().println(shell ? key + "=" + shellQuote(value.asText()) : value.asText());
            return 0;
        }
    }
}
