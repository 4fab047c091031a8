package dev.hoist.cli.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.CliException;
import dev.hoist.cli.HoistCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hoist keys:remove KEY}: removes the one SSH key named by its fingerprint, id or comment.
 */
@Command(name = "keys:remove", description = "Remove an SSH key by fingerprint, id or comment.")
public final class KeysRemoveCommand extends HoistCommand {

  @Parameters(
      paramLabel = "KEY",
      description = "The key's fingerprint (SHA256:...), id or comment.")
  String wanted;

  /**
   * Looks the key up first and deletes it by id: fingerprints hold '/' and '+', which do not
   * survive a URL path on every server, and a comment is not an address at all.
   */
  @Override
  protected int run() {
    List<JsonNode> matches = new ArrayList<>();
    for (JsonNode key : api().get("/account/keys")) {
      if (matches(key)) {
        matches.add(key);
      }
    }
    if (matches.isEmpty()) {
      throw new CliException("no SSH key matches " + wanted + ": see 'hoist keys'");
    }
    if (matches.size() > 1) {
      throw new CliException(
          matches.size() + " SSH keys match " + wanted + ": name one by its fingerprint");
    }
    JsonNode key = matches.get(0);
    api().delete(ApiPaths.of("account", "keys", Json.text(key, "id")));
    out().println("Removing " + Json.text(key, "fingerprint") + " SSH key... done");
    return 0;
  }

  private boolean matches(JsonNode key) {
    String fingerprint = Json.text(key, "fingerprint");
    return wanted.equals(Json.text(key, "id"))
        || wanted.equals(fingerprint)
        || ("SHA256:" + wanted).equals(fingerprint)
        || wanted.equals(Json.text(key, "comment"));
  }
}
