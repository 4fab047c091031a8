package dev.hoist.cli.domains;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.api.Json;

/** What the domain commands share about one domain of the API's answers. */
final class Domains {

  static final String HEROKU = "heroku";
  static final String CUSTOM = "custom";
  static final String PENDING = "pending";

  private Domains() {}

  static boolean custom(JsonNode domain) {
    return CUSTOM.equals(Json.text(domain, "kind"));
  }

  /**
   * The DNS record to point the name at the target with: a CNAME, except at a zone's apex, where
   * DNS allows none and the provider's ALIAS or ANAME stands in. As Heroku's CLI says; the apex is
   * taken to be a name of two labels (no public suffix list here, so {@code example.co.uk} shows as
   * CNAME).
   */
  static String recordType(String hostname) {
    boolean apex = !hostname.startsWith("*") && hostname.split("\\.").length == 2;
    return apex ? "ALIAS or ANAME" : "CNAME";
  }
}
