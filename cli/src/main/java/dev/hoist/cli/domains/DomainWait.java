package dev.hoist.cli.domains;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.CliException;
import dev.hoist.cli.api.ApiClient;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import dev.hoist.cli.io.Environment;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;

/**
 * Polls one domain until it is no longer {@code pending}, as Heroku's CLI does: {@code succeeded}
 * and {@code none} end well, any other status is an error the user sees. It waits as long as the
 * domain stays pending (Ctrl-C stops it).
 */
final class DomainWait {

  /** How long between two reads of a pending domain. */
  static final Duration INTERVAL = Duration.ofSeconds(2);

  private static final Set<String> DONE = Set.of("succeeded", "none");

  private final ApiClient api;
  private final Environment env;
  private final PrintWriter out;
  private final String app;

  DomainWait(ApiClient api, Environment env, PrintWriter out, String app) {
    this.api = api;
    this.env = env;
    this.out = out;
    this.app = app;
  }

  /** Waits for {@code domain} (as last read) to leave {@code pending}. */
  void until(JsonNode domain) throws InterruptedException {
    String hostname = Json.text(domain, "hostname");
    out.print("Waiting for " + hostname + "... ");
    out.flush();
    JsonNode current = domain;
    while (Domains.PENDING.equals(Json.text(current, "status"))) {
      env.pause(INTERVAL);
      current = api.get(ApiPaths.of("apps", app, "domains", Json.text(current, "id")));
    }
    String status = Json.text(current, "status");
    if (!DONE.contains(status)) {
      out.println("failed");
      throw new CliException(
          "the domain " + hostname + " finished with status " + (status.isEmpty() ? "?" : status));
    }
    out.println("done");
  }
}
