package dev.hoist.cli.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.HoistCommand;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import dev.hoist.cli.io.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hoist accounts}: the admin's view of who may use the platform. */
@Command(name = "accounts", description = "List accounts (admin).")
public final class AccountsCommand extends HoistCommand {

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  protected int run() {
    JsonNode accounts = api().get("/accounts");
    if (json) {
      Output.json(out(), accounts);
      return 0;
    }
    Output.heading(out(), "Accounts");
    Table table = new Table();
    for (JsonNode account : accounts) {
      table.row(
          Json.text(account, "email"),
          account.path("admin").asBoolean() ? "admin" : "",
          Json.text(account, "created_at"));
    }
    table.print(out());
    return 0;
  }
}
