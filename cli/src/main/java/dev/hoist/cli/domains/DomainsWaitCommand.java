package dev.hoist.cli.domains;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.AppCommand;
import dev.hoist.cli.api.ApiPaths;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hoist domains:wait [HOSTNAME]}: waits until the domain, or without one every pending
 * domain of the app, is no longer {@code pending}; exit 1 when one ends in another status than
 * {@code succeeded} or {@code none}.
 */
@Command(
    name = "domains:wait",
    description = "Wait until a domain (default: every pending one) is no longer pending.")
public final class DomainsWaitCommand extends AppCommand {

  @Parameters(
      paramLabel = "HOSTNAME",
      arity = "0..1",
      description = "The domain's hostname or id (default: every pending domain).")
  String hostname;

  @Override
  protected int run() throws InterruptedException {
    List<JsonNode> waited = new ArrayList<>();
    if (hostname != null) {
      waited.add(api().get(ApiPaths.of("apps", app(), "domains", hostname)));
    } else {
      for (JsonNode domain : api().get(ApiPaths.of("apps", app(), "domains"))) {
        if (Domains.PENDING.equals(domain.path("status").asText())) waited.add(domain);
      }
    }
    DomainWait wait = new DomainWait(api(), env(), out(), app());
    for (JsonNode domain : waited) wait.until(domain);
    return 0;
  }
}
