package dev.hoist.cli.domains;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import dev.hoist.cli.io.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hoist domains}: the app's default domain, then its custom ones with the DNS record each
 * needs, as Heroku prints them.
 */
@Command(name = "domains", description = "List the app's domains and where to point their DNS.")
public final class DomainsCommand extends AppCommand {

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  protected int run() {
    JsonNode domains = api().get(ApiPaths.of("apps", app(), "domains"));
    if (json) {
      Output.json(out(), domains);
      return 0;
    }
    Output.heading(out(), app() + " Heroku Domain");
    Table custom = new Table().row("Domain Name", "DNS Record Type", "DNS Target");
    int customs = 0;
    for (JsonNode domain : domains) {
      String hostname = Json.text(domain, "hostname");
      if (Domains.custom(domain)) {
        custom.row(hostname, Domains.recordType(hostname), Json.text(domain, "cname"));
        customs++;
      } else {
        out().println(hostname);
      }
    }
    if (customs > 0) {
      out().println();
      Output.heading(out(), app() + " Custom Domains");
      custom.print(out());
    }
    return 0;
  }
}
