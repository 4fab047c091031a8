package dev.hoist.cli.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.HoistCommand;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import dev.hoist.cli.io.Table;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accounts} and {@code accounts:add}: the admin's view of who may use the platform. */
public final class AccountsCommands {

    private AccountsCommands() {
    }

    @Command(name = "accounts", description = "List accounts (admin).")
    public static final class Index extends HoistCommand {

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
                table.row(Json.text(account, "email"), account.path("admin").asBoolean() ? "admin" : "",
                        Json.text(account, "created_at"));
            }
            table.print(out());
            return 0;
        }
    }

    @Command(name = "accounts:add", description = "Create an account and print its first API key (admin).")
    public static final class Add extends HoistCommand {

        @Parameters(paramLabel = "EMAIL", description = "The new account's email.")
        String email;

        @Override
        protected int run() {
            JsonNode account = api().post("/accounts", Map.of("email", email));
            out().println("Creating account " + Json.text(account, "email", email) + "... done");
            out().println("API key: " + Json.text(account, "api_key"));
            out().println("This key will not be shown again: pass it on now, it is how "
                    + Json.text(account, "email", email) + " logs in.");
            return 0;
        }
    }
}
