package dev.hoist.cli.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.ErrorHandler;
import dev.hoist.cli.HoistCommand;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Credentials;
import dev.hoist.cli.io.CredentialsFile;
import picocli.CommandLine.Command;

/** {@code logout}, {@code auth:whoami}, {@code auth:token}. */
public final class AuthCommands {

    private AuthCommands() {
    }

    @Command(name = "logout", description = "Remove the API key from the credentials file.")
    public static final class Logout extends HoistCommand {

        @Override
        protected int run() {
            CredentialsFile file = credentialsFile();
            Credentials stored = file.read();
            if (stored.apiKey() != null) {
                file.write(stored.withoutKey());
            }
            out().println("Logging out... done");
            if (env().get("HOIST_API_KEY") != null) {
                err().println(ErrorHandler.BANG + "HOIST_API_KEY is still set in your environment");
            }
            return 0;
        }
    }

    @Command(name = "auth:whoami", description = "Show the email of the account you are logged in as.")
    public static final class Whoami extends HoistCommand {

        @Override
        protected int run() {
            JsonNode account = api().get("/account");
            out().println(Json.text(account, "email"));
            return 0;
        }
    }

    @Command(name = "auth:token", description = "Print the API key in use.")
    public static final class Token extends HoistCommand {

        @Override
        protected int run() {
            out().println(settings().requireApiKey());
            return 0;
        }
    }
}
