package dev.hoist.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.CliException;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Terminal;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hoist run COMMAND...}: a one-off dyno attached to this terminal through an {@link
 * AttachSession}: input goes to the dyno, its output comes back, and the CLI exits with the
 * command's status. Options the CLI does not know ({@code -la}) are part of the command, and {@code
 * --} ends the CLI's own options.
 */
@Command(
    name = "run",
    description = "Run a one-off command in a new dyno, attached to this terminal.")
public final class RunCommand extends OneOffCommand {

  @Option(
      names = "--no-tty",
      description = "Do not give the dyno a terminal, even when there is one here.")
  boolean noTty;

  @Option(
      names = {"-x", "--exit-code"},
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Exit with the command's exit status (default; --no-exit-code exits 0).")
  boolean exitCode;

  /**
   * Lets unknown options through as command words, for {@code run} and {@code run:detached}; called
   * once the command line is built.
   */
  public static void configure(CommandLine root) {
    for (String name : List.of("run", "run:detached")) {
      root.getSubcommands().get(name).setUnmatchedOptionsArePositionalParams(true);
    }
  }

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
        Terminal.onResize(
            () -> {
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
