package dev.hoist.dynos;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Runs the dyno manager on its own. Every setting {@code hoist.dynos.NAME} is read from a system
 * property of that name, else from the environment variable {@code HOIST_DYNOS_NAME} (upper case,
 * dashes as underscores); the platform-wide variables {@code HOIST_API_URL}, {@code
 * HOIST_COMPONENT_TOKEN}, {@code HOIST_HOME} and {@code HOIST_RUN_IMAGE} name their settings too.
 * Without a token it reads {@code component_token} from {@code $HOIST_HOME/secrets.properties}, as
 * hoistd keeps it. The internal-api module logs through {@code System.Logger}, that is
 * java.util.logging; it is routed into the same log here (a Spring Boot launcher that embeds the
 * dyno manager does so itself).
 */
public final class DynoManagerMain {
  private static final Map<String, String> PLATFORM_ENV =
      Map.of(
          "api-url", "HOIST_API_URL",
          "component-token", "HOIST_COMPONENT_TOKEN",
          "home", "HOIST_HOME",
          "run-image", "HOIST_RUN_IMAGE");

  private DynoManagerMain() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty(
          "logback.configurationFile", "dynos-logback.xml"); // before the first logger exists
    }
    SLF4JBridgeHandler
        .removeHandlersForRootLogger(); // else JUL's console handler prints every line a second
    // time
    SLF4JBridgeHandler.install();
    DynoSettings first = DynoSettings.from(DynoManagerMain::lookup);
    DynoSettings settings =
        !first.componentToken().isEmpty()
            ? first
            : DynoSettings.from(
                key ->
                    key.equals(DynoSettings.PREFIX + "component-token")
                        ? tokenFrom(first.home().resolve("secrets.properties"))
                        : lookup(key));
    DynoManager manager = new DynoManager(settings).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  manager.close();
                  stopped.countDown();
                },
                "dynos-shutdown"));
    stopped.await();
  }

  static String lookup(String key) {
    String value = System.getProperty(key);
    if (value != null) return value;
    String name = key.substring(DynoSettings.PREFIX.length());
    String env =
        PLATFORM_ENV.getOrDefault(
            name, "HOIST_DYNOS_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
    return System.getenv(env);
  }

  private static String tokenFrom(Path secrets) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(secrets)) {
      p.load(r);
    } catch (IOException e) {
      return "";
    }
    return p.getProperty("component_token", "");
  }
}
