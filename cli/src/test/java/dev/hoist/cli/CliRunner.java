package dev.hoist.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code hoist} in-process with an injected environment and captures its output and exit code. */
final class CliRunner {

    record Result(int exitCode, String out, String err) {
    }

    private final Map<String, String> env = new HashMap<>();
    private final Path home;
    private Path workingDirectory;
    private String stdin = "";
    private Clock clock = Clock.systemUTC();

    CliRunner(Path home) {
        this.home = home;
        this.workingDirectory = home;
    }

    /** Talks to {@code api} with key {@code test-key}. */
    static CliRunner against(FakeApi api, Path home) {
        return new CliRunner(home).env("HOIST_API_URL", api.url()).env("HOIST_API_KEY", "test-key");
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRunner in(Path directory) {
        workingDirectory = directory;
        return this;
    }

    CliRunner stdin(String input) {
        stdin = input;
        return this;
    }

    CliRunner clock(Clock fixed) {
        clock = fixed;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = Environment.of(env, home, workingDirectory, stdin).withClock(clock);
        int code = Main.execute(environment, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
