package dev.hoist.cli.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.HoistCommand;
import dev.hoist.cli.api.Json;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hoist accounts:add EMAIL}: creates an account and prints its first API key, the only time
 * it is shown.
 */
@Command(
    name = "accounts:add",
    description = "Create an account and print its first API key (admin).")
public final class AccountsAddCommand extends HoistCommand {

  @Parameters(paramLabel = "EMAIL", description = "The new account's email.")
  String email;

  @Override
  protected int run() {
    JsonNode account = api().post("/accounts", Map.of("email", email));
    out().println("Creating account " + Json.text(account, "email", email) + "... done");
    out().println("API key: " + Json.text(account, "api_key"));
    out()
        .println(
            "This key will not be shown again: pass it on now, it is how "
                + Json.text(account, "email", email)
                + " logs in.");
    return 0;
  }
}
