package dev.hoist.cli.domains;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hoist domains:remove HOSTNAME}: the router stops sending that name to the app. */
@Command(name = "domains:remove", description = "Remove a domain from the app.")
public final class DomainsRemoveCommand extends AppCommand {

  @Parameters(paramLabel = "HOSTNAME", description = "The domain's hostname or id.")
  String hostname;

  @Override
  protected int run() {
    JsonNode removed = api().delete(ApiPaths.of("apps", app(), "domains", hostname));
    out()
        .println(
            "Removing " + Json.text(removed, "hostname", hostname) + " from " + app() + "... done");
    return 0;
  }
}
