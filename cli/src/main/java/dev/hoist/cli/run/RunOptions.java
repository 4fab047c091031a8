package dev.hoist.cli.run;

import dev.hoist.cli.config.ConfigVars;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code run} and {@code run:detached} take: the command, its size and extra environment. The
 * words of the command are joined with spaces, as {@code heroku run} does, so {@code hoist run ls
 * -la} and {@code hoist run 'ls -la'} send the same command.
 */
final class RunOptions {

  @Parameters(
      paramLabel = "COMMAND",
      arity = "1..*",
      description = "The command to run, e.g. bash.")
  List<String> words = new ArrayList<>();

  @Option(
      names = {"-s", "--size"},
      paramLabel = "SIZE",
      description = "Dyno size, e.g. standard-2x.")
  String size;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "K=V;K2=V2",
      description = "Environment variables for this dyno only (';' between them).")
  List<String> env = new ArrayList<>();

  String command() {
    return String.join(" ", words);
  }

  /** {@code -e} values parsed; keys checked as config keys are. */
  Map<String, String> environment() {
    List<String> pairs = new ArrayList<>();
    env.forEach(e -> Arrays.stream(e.split(";")).filter(p -> !p.isBlank()).forEach(pairs::add));
    return ConfigVars.parseAssignments(pairs);
  }

  /** The body of {@code POST /apps/{app}/dynos}. */
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
