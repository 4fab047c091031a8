package dev.hoist.cli.domains;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import picocli.CommandLine.Command;

/**
 * {@code hoist domains:clear}: removes every custom domain, one {@code DELETE} each, as Heroku's
 * CLI does (the API has no call for all at once). The default domain stays: it goes only with the
 * app.
 */
@Command(name = "domains:clear", description = "Remove all of the app's custom domains.")
public final class DomainsClearCommand extends AppCommand {

  @Override
  protected int run() {
    String app = app();
    for (JsonNode domain : api().get(ApiPaths.of("apps", app, "domains"))) {
      if (Domains.custom(domain)) {
        api().delete(ApiPaths.of("apps", app, "domains", Json.text(domain, "id")));
      }
    }
    out().println("Removing all domains from " + app + "... done");
    return 0;
  }
}
