package dev.hoist.cli.auth;

import dev.hoist.cli.HoistCommand;
import picocli.CommandLine.Command;

/**
 * {@code hoist auth:token}: the API key in use after precedence ({@code HOIST_API_KEY}, then the
 * file).
 */
@Command(name = "auth:token", description = "Print the API key in use.")
public final class AuthTokenCommand extends HoistCommand {

  @Override
  protected int run() {
    out().println(settings().requireApiKey());
    return 0;
  }
}
