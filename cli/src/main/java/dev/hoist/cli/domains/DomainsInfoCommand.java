package dev.hoist.cli.domains;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Output;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hoist domains:info HOSTNAME}: every field of one domain. */
@Command(name = "domains:info", description = "Show one of the app's domains in full.")
public final class DomainsInfoCommand extends AppCommand {

  @Parameters(paramLabel = "HOSTNAME", description = "The domain's hostname or id.")
  String hostname;

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  protected int run() {
    JsonNode domain = api().get(ApiPaths.of("apps", app(), "domains", hostname));
    if (json) {
      Output.json(out(), domain);
      return 0;
    }
    Output.heading(out(), Json.text(domain, "hostname"));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Kind", Json.text(domain, "kind"));
    fields.put("DNS Target", Json.text(domain, "cname"));
    fields.put("Status", Json.text(domain, "status"));
    fields.put("ACM Status", Json.text(domain, "acm_status"));
    fields.put("ACM Status Reason", Json.text(domain, "acm_status_reason"));
    fields.put("SNI Endpoint", Json.text(domain, "sni_endpoint.name"));
    fields.put("App", Json.text(domain, "app.name"));
    fields.put("Created At", Json.text(domain, "created_at"));
    fields.put("Updated At", Json.text(domain, "updated_at"));
    fields.put("ID", Json.text(domain, "id"));
    Output.keyValues(out(), fields);
    return 0;
  }
}
