package dev.hoist.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.io.Output;
import dev.hoist.cli.releases.Releases;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code config:set} and {@code config:unset}. Both check every argument before sending anything and
 * send one {@code PATCH}, so a bad argument changes nothing and a good command makes one release.
 */
public final class ConfigChangeCommands {

    static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ConfigChangeCommands() {
    }

    /** {@code KEY=value} pairs in order; the value is everything after the first '=' and may be empty. */
    public static Map<String, String> parseAssignments(List<String> args) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + arg + "' is not KEY=value");
            }
            vars.put(checkKey(arg.substring(0, eq)), arg.substring(eq + 1));
        }
        return vars;
    }

    static String checkKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("invalid config key '" + key
                    + "': keys are letters, digits and '_', not starting with a digit");
        }
        return key;
    }

    @Command(name = "config:set", description = "Set config vars and restart the app (one new release).")
    public static final class Set extends AppCommand {

        @Parameters(paramLabel = "KEY=VALUE", arity = "1..*", description = "Values may contain '='.")
        List<String> assignments;

        @Override
        protected int run() {
            Map<String, String> vars;
            try {
                vars = parseAssignments(assignments);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            String app = app();
            JsonNode result = api().patch(ApiPaths.of("apps", app, "config-vars"), vars);
            out().println("Setting " + String.join(", ", vars.keySet()) + " and restarting " + app + "... done, "
                    + Releases.currentVersionLabel(api(), app));
            Map<String, String> shown = new LinkedHashMap<>();
            vars.keySet().forEach(key -> shown.put(key, result.has(key) ? result.get(key).asText() : vars.get(key)));
            Output.keyValues(out(), shown);
            return 0;
        }
    }

    @Command(name = "config:unset", description = "Unset config vars and restart the app (one new release).")
    public static final class Unset extends AppCommand {

        @Parameters(paramLabel = "KEY", arity = "1..*", description = "The config vars to unset.")
        List<String> keys;

        @Override
        protected int run() {
            Map<String, Object> vars = new LinkedHashMap<>();
            try {
                keys.forEach(key -> vars.put(checkKey(key), null));
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            String app = app();
            api().patch(ApiPaths.of("apps", app, "config-vars"), vars);
            out().println("Unsetting " + String.join(", ", vars.keySet()) + " and restarting " + app + "... done, "
                    + Releases.currentVersionLabel(api(), app));
            return 0;
        }
    }
}
