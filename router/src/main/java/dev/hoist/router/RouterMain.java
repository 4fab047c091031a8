package dev.hoist.router;

import dev.hoist.internal.ReadyPort;
import java.io.IOException;
import java.lang.reflect.Proxy;

/**
 * Runs the router on its own: {@code java -jar hoist-router-VERSION-exec.jar}, configured from the
 * environment ({@code HOIST_ROUTER_PORT} or a dyno's {@code PORT}, {@code HOIST_APPS_DOMAIN},
 * {@code HOIST_API_URL}, {@code HOIST_COMPONENT_TOKEN}, ... — see {@link RouterConfig}); the
 * platform app {@code hoist-router} is this. On SIGTERM or SIGINT it drains ({@link
 * Router#close()}) and then exits.
 */
public final class RouterMain {
  private RouterMain() {}

  public static void main(String[] args) throws InterruptedException, IOException {
    // One line per record when run alone; an embedding application keeps its own logging setup.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty(
          "java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
    }
    Router.leakDetectionOffUnlessSet();
    Router router = Router.fromConfig(RouterConfig.fromEnvironment());
    // Any other way the JVM ends still closes the router; after a signal's drain this is a no-op.
    Runtime.getRuntime().addShutdownHook(new Thread(router::close, "hoist-router-stop"));
    stopOn("TERM", 143, router);
    stopOn("INT", 130, router);
    int port = router.start();
    // A router dyno shares its port with its siblings; its own $PORT tells the boot check it is up.
    ReadyPort ready = ReadyPort.openUnlessServed(System.getenv("PORT"), port);
    if (ready != null) Runtime.getRuntime().addShutdownHook(new Thread(ready::close));
    Thread.currentThread().join(); // event-loop threads are daemons: keep the JVM up until a signal
  }

  /**
   * On the signal, drains the router before the JVM begins to shut down, then exits with the status
   * the signal would have given. Why not in the shutdown hook alone: the JDK's logging resets
   * itself in a shutdown hook of its own, so what the drain logs would be lost. Uses {@code
   * sun.misc.Signal} through reflection (as the cli's terminal does); without it, the shutdown hook
   * drains, unlogged.
   */
  private static void stopOn(String name, int status, Router router) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Object onSignal =
          Proxy.newProxyInstance(
              handler.getClassLoader(),
              new Class<?>[] {handler},
              (self, method, args) ->
                  switch (method.getName()) {
                    case "handle" -> {
                      try {
                        router.close();
                      } finally {
                        System.exit(status);
                      }
                      yield null;
                    }
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "hoist-router stop on SIG" + name;
                  });
      Object sig = signal.getConstructor(String.class).newInstance(name);
      signal.getMethod("handle", signal, handler).invoke(null, sig, onSignal);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // The shutdown hook drains instead.
    }
  }
}
