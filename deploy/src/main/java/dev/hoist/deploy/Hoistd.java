package dev.hoist.deploy;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar hoistd.jar [PART]}: one jar for every part of the platform.
 *
 * <ul>
 *   <li>no argument: the seed, in the foreground until SIGTERM or Ctrl-C — the self-hosted seed
 *       ({@link Seed}), or with {@code HOIST_MODE=all-in-one} every part in this JVM ({@link
 *       Platform});
 *   <li>{@code api}, {@code router}, {@code gateway}: one part alone, as the platform apps' dynos
 *       run it, configured from the environment (their config vars).
 * </ul>
 *
 * Settings come from the environment (see {@link PlatformSettings} and docs/operations.md).
 */
public final class Hoistd {
  private static final Logger log = LoggerFactory.getLogger(Hoistd.class);

  private Hoistd() {}

  public static void main(String[] args) throws Exception {
    String part = args.length == 0 ? "" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (part) {
      case "" -> seed();
      case "api" -> api(rest);
      case "router" -> dev.hoist.router.RouterMain.main(rest);
      case "gateway" -> dev.hoist.build.gateway.GatewayMain.main(rest);
      default -> {
        System.err.println("usage: java -jar hoistd.jar [api|router|gateway]");
        System.exit(64);
      }
    }
  }

  private static void seed() throws Exception {
    dev.hoist.router.Router.leakDetectionOffUnlessSet();
    PlatformSettings settings = PlatformSettings.fromEnvironment();
    boolean allInOne = "all-in-one".equals(PlatformSettings.value("hoist.mode", "self-hosted"));
    AutoCloseable platform = allInOne ? Platform.start(settings) : Seed.start(settings);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("stopping the {}", allInOne ? "all-in-one platform" : "seed");
                  try {
                    platform.close();
                  } catch (Exception e) {
                    log.warn("stopping: {}", e.toString());
                  }
                },
                "hoistd-shutdown"));
    // The seed's threads are daemons (the all-in-one api's web server is not): keep the JVM up
    // until a signal ends it through the hook above.
    Thread.currentThread().join();
  }

  /** The api as a dyno runs it: on {@code $PORT}, unless {@code HOIST_API_PORT} says otherwise. */
  private static void api(String[] args) {
    FirstApi.exitWithParent();
    String port = System.getenv("PORT");
    if (System.getenv("HOIST_API_PORT") == null && port != null) {
      System.setProperty("server.port", port);
    }
    dev.hoist.api.ApiApplication.main(args);
  }
}
