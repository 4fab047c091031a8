package dev.hoist.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The seed's settings, each a system property ({@code hoist.router.port}) or the environment
 * variable of the same name ({@code HOIST_ROUTER_PORT}). The parts keep their own names for their
 * own settings; the seed only fills in what ties them together: the api's URL, the component token,
 * the data folder.
 */
record PlatformSettings(
    Path home,
    Path root,
    int apiPort,
    String apiPublicUrl,
    String appsDomain,
    String dynoScope,
    Map<String, String> overrides) {

  static PlatformSettings fromEnvironment() {
    Path home =
        Path.of(value("hoist.home", System.getProperty("user.home") + "/.hoist")).toAbsolutePath();
    Path root = Path.of(value("hoist.root", System.getProperty("user.dir"))).toAbsolutePath();
    int port = Integer.parseInt(value("hoist.api.port", "5000"));
    return new PlatformSettings(
        home,
        root,
        port,
        value("hoist.api.public-url", ""),
        value("hoist.apps.domain", "localhost"),
        value("hoist.dynos.scope", "hoist"),
        new HashMap<>());
  }

  /** A system property, else its environment variable, else the fallback. */
  static String value(String key, String fallback) {
    String v = System.getProperty(key);
    if (v == null || v.isBlank())
      v = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  /**
   * The same lookup, with the seed's own values first: what each part's settings reader is given.
   */
  String lookup(String key) {
    String v = overrides.get(key);
    return v != null ? v : value(key, null);
  }

  Path buildpacks() {
    return root.resolve("buildpacks");
  }

  /**
   * The api's URL as dynos on Docker's bridge reach it (never 127.0.0.1: inside a dyno that is the
   * dyno itself), unless the operator named one.
   */
  String bridgeApiUrl() {
    return apiPublicUrl.isEmpty()
        ? "http://" + DockerBridge.gatewayAddress() + ":" + apiPort
        : apiPublicUrl;
  }

  /**
   * The dyno manager's settings: the operator's, with the api's URL, the token and the data folder.
   */
  dev.hoist.dynos.DynoSettings dynoSettings(String apiUrl, String token) {
    Map<String, String> shared = new HashMap<>(overrides);
    shared.put("hoist.dynos.api-url", apiUrl);
    shared.put("hoist.dynos.component-token", token);
    shared.put("hoist.dynos.home", home.toString());
    shared.put("hoist.dynos.scope", dynoScope);
    return dev.hoist.dynos.DynoSettings.from(key -> shared.getOrDefault(key, lookup(key)));
  }

  /** The platform's own runnable jar: the seed, and the api's slug. */
  Path hoistdJar() throws java.io.FileNotFoundException {
    Path jar = root.resolve("deploy/target/hoistd.jar");
    if (!Files.isRegularFile(jar)) {
      throw new java.io.FileNotFoundException("no " + jar + ": run ./mvnw package");
    }
    return jar;
  }

  /**
   * The build service's runnable jar, as {@code ./mvnw package} leaves it: the builder's and the
   * gateway's slugs.
   */
  Path builderJar() throws java.io.IOException {
    return execJar("build-service");
  }

  /** The router's runnable jar: the router's slug. */
  Path routerJar() throws java.io.IOException {
    return execJar("router");
  }

  private Path execJar(String module) throws java.io.IOException {
    Path target = root.resolve(module + "/target");
    try (var files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().matches("hoist-" + module + "-.*-exec\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new java.io.FileNotFoundException(
                      "no " + module + " exec jar in " + target + ": run ./mvnw package"));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new java.io.FileNotFoundException("no " + target + ": run ./mvnw package");
    }
  }
}
