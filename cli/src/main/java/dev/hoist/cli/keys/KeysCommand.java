package dev.hoist.cli.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.HoistCommand;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import dev.hoist.cli.io.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hoist keys}: your SSH keys, the ones that may {@code git push}. */
@Command(name = "keys", description = "List your SSH keys.")
public final class KeysCommand extends HoistCommand {

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  protected int run() {
    JsonNode keys = api().get("/account/keys");
    if (json) {
      Output.json(out(), keys);
      return 0;
    }
    if (keys.isEmpty()) {
      out().println("You have no SSH keys.");
      return 0;
    }
    Output.heading(out(), "SSH Keys");
    Table table = new Table();
    keys.forEach(key -> table.row(Json.text(key, "fingerprint"), Json.text(key, "comment")));
    table.print(out());
    return 0;
  }
}
