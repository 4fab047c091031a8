package dev.hoist.cli.auth;

import dev.hoist.cli.ErrorHandler;
import dev.hoist.cli.HoistCommand;
import dev.hoist.cli.io.Credentials;
import dev.hoist.cli.io.CredentialsFile;
import picocli.CommandLine.Command;

/**
 * {@code hoist logout}: removes the API key from the credentials file and keeps the rest (the API
 * URL, the email). A key in {@code HOIST_API_KEY} still wins afterwards, so it says so.
 */
@Command(name = "logout", description = "Remove the API key from the credentials file.")
public final class LogoutCommand extends HoistCommand {

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
