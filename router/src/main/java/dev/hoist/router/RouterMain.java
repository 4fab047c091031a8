package dev.hoist.router;

/**
 * Runs the router on its own: {@code java -jar hoist-router-VERSION-exec.jar}, configured from the
 * environment ({@code HOIST_ROUTER_PORT}, {@code HOIST_APPS_DOMAIN}, {@code HOIST_API_URL}, {@code
 * HOIST_COMPONENT_TOKEN}, ... — see {@link RouterConfig}). Stops cleanly on SIGTERM.
 */
public final class RouterMain {
  private RouterMain() {}

  public static void main(String[] args) throws InterruptedException {
    // One line per record when run alone; an embedding application keeps its own logging setup.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty(
          "java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
    }
    Router.leakDetectionOffUnlessSet();
    Router router = Router.fromConfig(RouterConfig.fromEnvironment());
    Runtime.getRuntime().addShutdownHook(new Thread(router::close, "hoist-router-stop"));
    router.start();
    Thread.currentThread().join(); // event-loop threads are daemons: keep the JVM up until a signal
  }
}
