package dev.hoist.deploy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar hoistd.jar}: the seed, in the foreground until SIGTERM or Ctrl-C. Settings come
 * from the environment (see {@link PlatformSettings} and docs/operations.md).
 */
public final class Hoistd {
  private static final Logger log = LoggerFactory.getLogger(Hoistd.class);

  private Hoistd() {}

  public static void main(String[] args) throws Exception {
    dev.hoist.router.Router.leakDetectionOffUnlessSet();
    Platform platform = Platform.start(PlatformSettings.fromEnvironment());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("stopping: gateway, router, dyno manager, api, database");
                  platform.close();
                },
                "hoistd-shutdown"));
  }
}
