package dev.hoist.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What the deploy seed does to a platform app, through {@code /internal/platform-apps} with the
 * component token: ensure it, then deploy a hand-packed slug. Each step fails the test unless the
 * api accepts it.
 */
public final class Seed {
  private final Http component;

  public Seed(Http component) {
    this.component = component;
  }

  /** {@code PUT /internal/platform-apps/{name}} with this body; answers the 200 body. */
  public JsonNode ensure(String name, Map<String, ?> body) {
    Http.Response answer = component.put("/internal/platform-apps/" + name, body);
    if (answer.status() != 200)
      throw new AssertionError("could not ensure platform app " + name + ": " + answer);
    return answer.json();
  }

  /**
   * Makes a slug of these process types from {@code commit}, uploads a minimal archive and releases
   * it, scaling {@code type} to {@code quantity}; answers the release's version.
   */
  public int deploy(
      String name, Map<String, String> processTypes, String commit, String type, int quantity) {
    Http.Response slug =
        component.post(
            "/internal/platform-apps/" + name + "/slugs",
            Map.of("process_types", processTypes, "commit", commit));
    if (slug.status() != 201) throw new AssertionError("could not make a slug: " + slug);
    Http.Response uploaded =
        Http.putBytes(slug.json().get("put_url").asText(), Tarball.minimalApp());
    if (uploaded.status() != 200) throw new AssertionError("could not upload: " + uploaded);
    Http.Response deployed =
        component.post(
            "/internal/platform-apps/" + name + "/deploy",
            Map.of(
                "slug",
                slug.json().get("id").asText(),
                "quantity",
                quantity,
                "type",
                type,
                "size",
                "standard-1X"));
    if (deployed.status() != 200) throw new AssertionError("could not deploy: " + deployed);
    return deployed.json().get("version").asInt();
  }
}
