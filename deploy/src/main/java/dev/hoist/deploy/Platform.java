package dev.hoist.deploy;

import dev.hoist.build.Settings;
import dev.hoist.build.gateway.Gateway;
import dev.hoist.build.gateway.GatewaySettings;
import dev.hoist.deploy.parts.PartSeed;
import dev.hoist.deploy.parts.Parts;
import dev.hoist.dynos.DynoManager;
import dev.hoist.internal.InternalApi;
import dev.hoist.internal.builds.GatewayApi;
import dev.hoist.router.Router;
import dev.hoist.router.RouterConfig;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The all-in-one platform ({@code HOIST_MODE=all-in-one}, for development and recovery): the
 * database, the api, the dyno manager, the router and the git gateway in one process, started in
 * that order and stopped in reverse. Every part talks to the api over HTTP with the component
 * token, exactly as it would if it ran alone; only the process is shared. The slug compiler is not
 * here: it runs in builder dynos of the platform app {@code hoist-builder} ({@link PartSeed}).
 */
public final class Platform implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Platform.class);

  /** The router's own settings ({@code hoist.router.*}) that the operator's environment may set. */
  static final List<String> ROUTER_KEYS =
      List.of(
          "port",
          "bind",
          "threads",
          "first-byte-timeout",
          "boot-wait",
          "connect-timeout",
          "quarantine",
          "idle-timeout",
          "transport",
          "trusted-proxies");

  private final Running parts = new Running();
  private int apiPort;
  private int routerPort;

  private Platform() {}

  public static Platform start(PlatformSettings settings) throws Exception {
    Platform platform = new Platform();
    try {
      platform.boot(settings);
    } catch (Exception e) {
      platform.close();
      throw e;
    }
    return platform;
  }

  private void boot(PlatformSettings s) throws Exception {
    Files.createDirectories(s.home());
    Secrets secrets = Secrets.load(s.home().resolve("secrets.properties"));
    String token = PlatformSettings.value("hoist.component.token", secrets.componentToken());
    Database database =
        parts.add(Database.start(s.home(), PlatformSettings.value("hoist.database.url", null)));
    String publicUrl = s.bridgeApiUrl();
    EmbeddedApi api =
        parts.add(
            EmbeddedApi.start(
                s,
                database,
                s.apiPort(),
                publicUrl,
                token,
                PlatformSettings.value("hoist.blob.secret", secrets.blobSecret())));
    apiPort = api.port();
    String local = "http://127.0.0.1:" + apiPort;

    new PartSeed(local, token)
        .ensure(Parts.builder(s.builderJar(), s.buildpacks(), token, publicUrl));

    parts.add(new DynoManager(s.dynoSettings(local, token)).start());

    Map<String, String> routerSettings = new HashMap<>();
    for (String key : ROUTER_KEYS) {
      String v = s.lookup("hoist.router." + key);
      if (v != null) routerSettings.put("hoist.router." + key, v);
    }
    routerSettings.put("hoist.router.apps-domain", s.appsDomain());
    routerSettings.put("hoist.router.api-url", local);
    routerSettings.put("hoist.router.component-token", token);
    Router router = Router.fromConfig(RouterConfig.from(routerSettings));
    routerPort = router.start();
    parts.add(router);

    Map<String, String> gatewaySettings = new HashMap<>(s.overrides());
    gatewaySettings.put("hoist.home", s.home().toString());
    gatewaySettings.put(
        "hoist.gateway.app-url", "http://%s." + s.appsDomain() + ":" + routerPort + "/");
    Settings buildSettings =
        new Settings(
            key -> gatewaySettings.getOrDefault(key, System.getProperty(key)), System::getenv);
    Gateway gateway =
        Gateway.start(
            GatewaySettings.from(buildSettings), new GatewayApi(new InternalApi(local, token)));
    parts.add(gateway);
    log.info(
        "Hoist is up: api :{}, router :{}, git ssh :{} and http :{}; data in {}",
        apiPort,
        routerPort,
        gateway.sshPort(),
        gateway.httpPort(),
        s.home());
  }

  public int apiPort() {
    return apiPort;
  }

  public int routerPort() {
    return routerPort;
  }

  @Override
  public void close() {
    parts.close();
  }
}
