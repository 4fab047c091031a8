package dev.hoist.build;

import dev.hoist.build.compiler.BuilderMain;
import dev.hoist.build.gateway.GatewayMain;
import java.util.Arrays;

/**
 * The runnable jar's entry point: {@code java -jar hoist-build-service-exec.jar gateway|builder}.
 * Each part also has its own main class for {@code java -cp}.
 */
public final class BuildServiceMain {
  private BuildServiceMain() {}

  public static void main(String[] args) throws Exception {
    String part = args.length == 0 ? "" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (part) {
      case "gateway" -> GatewayMain.main(rest);
      case "builder" -> BuilderMain.main(rest);
      default -> {
        System.err.println("usage: java -jar hoist-build-service-exec.jar gateway|builder");
        System.exit(64);
      }
    }
  }

  /**
   * Logback's own default logs everything at DEBUG; the standalone mains use ours unless the
   * operator named one. Kept off the classpath root so an embedding launcher's logging is left
   * alone.
   */
  public static void useStandaloneLogging() {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "dev/hoist/build/logback-standalone.xml");
    }
  }
}
