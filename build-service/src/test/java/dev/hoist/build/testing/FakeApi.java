package dev.hoist.build.testing;

import dev.hoist.internal.builds.BuildRecords.Access;
import dev.hoist.internal.builds.BuildRecords.Account;
import dev.hoist.internal.builds.BuildRecords.AppRef;
import dev.hoist.internal.builds.BuildRecords.SignedUrls;
import dev.hoist.internal.builds.BuildRecords.Who;
import dev.hoist.internal.testing.FakeApiServer;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The api's internal endpoints as the build service uses them (docs/internal-api.md), on {@link
 * FakeApiServer} (the token check, the blob store behind "signed" URLs, the wire records):
 * accounts, keys and API keys, apps and their members, and builds whose output the test scripts
 * ({@link FakeBuilds}), with a build queue for slug compilers. It records what it was sent, for the
 * tests to assert on.
 */
public final class FakeApi extends FakeApiServer {
  public static final String TOKEN = "component-token-for-tests";

  public record App(String id, String name, Set<String> members) {
    AppRef ref() {
      return new AppRef(id, name);
    }
  }

  public final Map<String, String> accountsByFingerprint = new ConcurrentHashMap<>();
  public final Map<String, String> accountsByApiKey = new ConcurrentHashMap<>();
  public final Map<String, App> apps = new ConcurrentHashMap<>();
  public final FakeBuilds builds;

  /** When set, the access check answers 500: the gateway's internal-error path. */
  public volatile boolean failAccess;

  public FakeApi() throws IOException {
    super(TOKEN);
    on(
        "GET",
        "/internal/keys",
        c -> {
          String fingerprint = c.query().get("fingerprint");
          String id = fingerprint == null ? null : accountsByFingerprint.get(fingerprint);
          return id == null ? error(404, "not_found", "no account has that key") : ok(who(id));
        });
    on(
        "POST",
        "/internal/auth",
        c -> {
          String id = accountsByApiKey.get(c.json().path("api_key").asText(""));
          return id == null ? error(401, "unauthorized", "that API key is not valid") : ok(who(id));
        });
    on(
        "GET",
        "/internal/apps/([^/]+)/access/([^/]+)",
        c -> {
          App app = apps.get(c.group(1));
          if (failAccess) return error(500, "internal", "the database is on fire");
          if (app == null || !app.members().contains(c.group(2)))
            return error(404, "not_found", "no");
          return ok(new Access(app.ref()));
        });
    on(
        "POST",
        "/internal/apps/([^/]+)/sources",
        c -> {
          if (!apps.containsKey(c.group(1))) return noApp(c.group(1));
          String key = "sources/" + UUID.randomUUID() + ".tgz";
          return new Answer(201, new SignedUrls(blobUrl(key), blobUrl(key)));
        });
    on(
        "GET",
        "/internal/apps/([^/]+)/repo",
        c -> {
          App app = apps.get(c.group(1));
          if (app == null) return noApp(c.group(1));
          String key = "repos/" + app.id() + ".tgz";
          return ok(new SignedUrls(blobUrl(key), blobUrl(key)));
        });
    builds = new FakeBuilds(this);
  }

  public String account(String email, String fingerprint, String apiKey) {
    String id = UUID.randomUUID().toString();
    if (fingerprint != null) accountsByFingerprint.put(fingerprint, id);
    if (apiKey != null) accountsByApiKey.put(apiKey, id);
    return id;
  }

  public App app(String name, String... members) {
    App app = new App(UUID.randomUUID().toString(), name, Set.of(members));
    apps.put(name, app);
    return app;
  }

  private static Who who(String id) {
    return new Who(new Account(id, id + "@example.com"));
  }

  static Answer noApp(String name) {
    return error(404, "not_found", "no app " + name);
  }
}
