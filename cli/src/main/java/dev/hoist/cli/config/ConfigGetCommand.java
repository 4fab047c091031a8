package dev.hoist.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.ErrorHandler;
import dev.hoist.cli.api.ApiPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hoist config:get KEY}: the raw value, for scripts; an unset var prints nothing and exits
 * 1.
 */
@Command(
    name = "config:get",
    description = "Print one config var's value (exit 1 when it is unset).")
public final class ConfigGetCommand extends AppCommand {

  @Parameters(paramLabel = "KEY", description = "The config var.")
  String key;

  @Option(
      names = {"-s", "--shell"},
      description = "Print KEY=value.")
  boolean shell;

  @Override
  protected int run() {
    JsonNode value = api().get(ApiPaths.of("apps", app(), "config-vars")).get(key);
    if (value == null || value.isNull()) {
      return ErrorHandler.USER_ERROR;
    }
    out().println(shell ? key + "=" + ConfigVars.shellQuote(value.asText()) : value.asText());
    return 0;
  }
}
