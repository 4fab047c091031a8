package dev.hoist.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.CliException;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.config.ConfigChangeCommands;
import dev.hoist.cli.io.Terminal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code run} and {@code run:detached}: a one-off dyno from {@code POST /apps/{app}/dynos}. The words
 * of the command are joined with spaces, as {@code heroku run} does, so {@code hoist run ls -la} and
 * {@code hoist run 'ls -la'} send the same command; options the CLI does not know ({@code -la}) are
 * part of the command, and {@code --} ends the CLI's own options.
 */
public final class RunCommands {

    private RunCommands() {
    }

    /** Lets unknown options through as command words; called once the command line is built. */
    public static void configure(CommandLine root) {
        for (String name : List.of("run", "run:detached")) {
            root.getSubcommands().get(name).setUnmatchedOptionsArePositionalParams(true);
        }
    }

    /** What both commands take: the command, its size and extra environment. */
    static final class RunOptions {

        @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "The command to run, e.g. bash.")
        List<String> words = new ArrayList<>();

        @Option(names = {"-s", "--size"}, paramLabel = "SIZE", description = "Dyno size, e.g. standard-2x.")
        String size;

        @Option(names = {"-e", "--env"}, paramLabel = "K=V;K2=V2",
                description = "Environment variables for this dyno only (';' between them).")
        List<String> env = new ArrayList<>();

        String command() {
            return String.join(" ", words);
        }

        /** {@code -e} values parsed; keys checked as config keys are. */
        Map<String, String> environment() {
            List<String> pairs = new ArrayList<>();
            env.forEach(e -> Arrays.stream(e.split(";")).filter(p -> !p.isBlank()).forEach(pairs::add));
            return ConfigChangeCommands.parseAssignments(pairs);
        }

        Map<String, Object> body(boolean attach, Map<String, String> environment) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("command", command());
            body.put("attach", attach);
            if (!environment.isEmpty()) {
                body.put("env", environment);
            }
            if (size != null) {
                body.put("size", size);
            }
            return body;
        }
    }

    /** What both commands share: their options, and parsing {@code -e} as a usage error. */
    abstract static class Base extends AppCommand {

        @Mixin
        RunOptions options;

        Map<String, String> environment() {
            try {
                return options.environment();
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
    }

    @Command(name = "run", description = "Run a one-off command in a new dyno, attached to this terminal.")
    public static final class Attached extends Base {

        @Option(names = "--no-tty", description = "Do not give the dyno a terminal, even when there is one here.")
        boolean noTty;

        @Option(names = {"-x", "--exit-code"}, negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Exit with the command's exit status (default; --no-exit-code exits 0).")
        boolean exitCode;

        @Override
        protected int run() {
            Map<String, String> environment = environment();
            boolean tty = !noTty && env().console() != null;
            if (tty && env().get("TERM") != null) {
                environment.putIfAbsent("TERM", env().get("TERM"));
            }
            String app = app();
            JsonNode dyno = api().post(ApiPaths.of("apps", app, "dynos"), options.body(true, environment));
            String name = Json.text(dyno, "name", "the dyno");
            String attachUrl = Json.text(dyno, "attach_url", null);
            if (attachUrl == null) {
                throw new CliException("the API did not say where to attach to " + name);
            }
            Terminal terminal = null;
            try (AttachSession session = AttachSession.connect(attachUrl, name)) {
                err().println("Running " + options.command() + " on " + app + "... up, " + name);
                int[] size = tty ? Terminal.size() : new int[] {80, 24};
                terminal = tty ? Terminal.enterRaw() : null;
                session.handshake(terminal != null, size[0], size[1]);
                if (terminal != null) {
                    Terminal.onResize(() -> {
                        int[] now = Terminal.size();
                        session.resize(now[0], now[1]);
                    });
                }
                session.pumpStdin(env().stdinStream());
                int status = session.relay(rawOut(), rawErr());
                return exitCode ? status : 0;
            } finally {
                if (terminal != null) {
                    terminal.restore();
                }
            }
        }
    }

    @Command(name = "run:detached", description = "Run a one-off command in a dyno; its output goes to the logs.")
    public static final class Detached extends Base {

        @Override
        protected int run() {
            Map<String, String> environment = environment();
            String app = app();
            JsonNode dyno = api().post(ApiPaths.of("apps", app, "dynos"), options.body(false, environment));
            String name = Json.text(dyno, "name");
            out().println("Running " + options.command() + " on " + app + "... done, " + name);
            out().println("Use 'hoist logs -a " + app + " --dyno " + name + "' to view the output.");
            return 0;
        }
    }
}
