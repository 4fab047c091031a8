package dev.hoist.cli.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.HoistCommand;
import dev.hoist.cli.api.Json;
import picocli.CommandLine.Command;

/**
 * {@code hoist auth:whoami}: the email of the account the API key belongs to, from {@code GET
 * /account}.
 */
@Command(name = "auth:whoami", description = "Show the email of the account you are logged in as.")
public final class AuthWhoamiCommand extends HoistCommand {

  @Override
  protected int run() {
    JsonNode account = api().get("/account");
    out().println(Json.text(account, "email"));
    return 0;
  }
}
