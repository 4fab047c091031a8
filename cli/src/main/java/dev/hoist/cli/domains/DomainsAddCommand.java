package dev.hoist.cli.domains;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hoist domains:add HOSTNAME}: routes a hostname of yours to the app, and says where to
 * point its DNS. The API refuses (and nothing changes) a malformed name, one under the platform's
 * apps domain, or one another app has.
 */
@Command(
    name = "domains:add",
    description = "Add a domain (www.example.com, or *.example.com) to the app.")
public final class DomainsAddCommand extends AppCommand {

  @Parameters(paramLabel = "HOSTNAME", description = "The domain, e.g. www.example.com.")
  String hostname;

  @Option(names = "--wait", description = "Wait until the domain is no longer pending.")
  boolean waitForIt;

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  protected int run() throws InterruptedException {
    JsonNode domain =
        api().post(ApiPaths.of("apps", app(), "domains"), Map.of("hostname", hostname));
    if (json) {
      Output.json(out(), domain);
      return 0;
    }
    String added = Json.text(domain, "hostname");
    out().println("Adding " + added + " to " + app() + "... done");
    out()
        .println(
            "Configure your DNS provider to point "
                + added
                + " at the DNS Target "
                + Json.text(domain, "cname")
                + " ("
                + Domains.recordType(added)
                + ").");
    if (Domains.PENDING.equals(Json.text(domain, "status"))) {
      if (waitForIt) {
        new DomainWait(api(), env(), out(), app()).until(domain);
      } else {
        out().println();
        out().println("The domain " + added + " has been enqueued for addition");
        out().println("Run hoist domains:wait '" + added + "' to wait for completion");
      }
    }
    return 0;
  }
}
