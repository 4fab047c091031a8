package dev.hoist.cli.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.CliException;
import dev.hoist.cli.HoistCommand;
import dev.hoist.cli.api.ApiClient;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Credentials;
import dev.hoist.cli.io.Settings;
import java.io.Console;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hoist login}: asks for the email and API key, checks with {@code GET /account} that the
 * key works and belongs to that email, then writes the credentials file. Nothing is written on
 * failure.
 */
@Command(name = "login", description = "Log in with your email and API key.")
public final class LoginCommand extends HoistCommand {

  @Option(names = "--api-url", paramLabel = "URL", description = "The Hoist API to log in to.")
  String apiUrl;

  @Option(
      names = "--email",
      paramLabel = "EMAIL",
      description = "Your email (asked for when not given).")
  String email;

  @Override
  protected int run() throws IOException {
    Settings current = settings();
    String url = apiUrl != null ? apiUrl : current.apiUrl();
    String givenEmail = email != null ? email.strip() : prompt("Email: ", false);
    String key = prompt("API key: ", true);
    if (givenEmail.isEmpty() || key.isEmpty()) {
      throw new CliException("an email and an API key are both needed to log in");
    }
    Settings candidate = current.withApiUrl(url).withApiKey(key);
    JsonNode account = new ApiClient(candidate).get("/account");
    String accountEmail = Json.text(account, "email");
    if (!accountEmail.equalsIgnoreCase(givenEmail)) {
      throw new CliException("that API key belongs to " + accountEmail + ", not " + givenEmail);
    }
    credentialsFile().write(new Credentials(candidate.apiUrl(), accountEmail, key));
    out().println("Logged in as " + accountEmail);
    return 0;
  }

  /** Reads from the terminal (without echo for secrets) when there is one, else a line of stdin. */
  private String prompt(String label, boolean secret) throws IOException {
    Console console = env().console();
    if (console != null) {
      if (secret) {
        char[] value = console.readPassword("%s", label);
        return value == null ? "" : new String(value).strip();
      }
      String value = console.readLine("%s", label);
      return value == null ? "" : value.strip();
    }
    err().print(label);
    err().flush();
    String line = env().stdin().readLine();
    if (secret) {
      err().println();
    }
    return line == null ? "" : line.strip();
  }
}
