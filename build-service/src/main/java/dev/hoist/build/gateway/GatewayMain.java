package dev.hoist.build.gateway;

import dev.hoist.build.BuildServiceMain;
import dev.hoist.build.Settings;
import dev.hoist.internal.InternalApi;
import dev.hoist.internal.ReadyPort;
import dev.hoist.internal.builds.GatewayApi;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Runs the git gateway alone: {@code java -cp … dev.hoist.build.gateway.GatewayMain}, or the exec
 * jar with {@code gateway}; this is what a {@code hoist-gateway} dyno runs. Settings: {@link
 * GatewaySettings#standalone} (every one also an environment variable), {@code HOIST_API_URL},
 * {@code HOIST_COMPONENT_TOKEN}. SIGTERM drains it ({@link Gateway#drain}): pushes in flight
 * finish, new connections go to the other gateways on the ports.
 */
public final class GatewayMain {
  private GatewayMain() {}

  public static void main(String[] args) throws Exception {
    BuildServiceMain.useStandaloneLogging();
    Settings settings = Settings.system();
    if (settings.componentToken().isEmpty()) {
      System.err.println(
          "HOIST_COMPONENT_TOKEN is not set: the gateway cannot ask the api anything");
      System.exit(78);
    }
    GatewayApi api = new GatewayApi(new InternalApi(settings.apiUrl(), settings.componentToken()));
    Gateway gateway = Gateway.start(GatewaySettings.standalone(settings), api);
    // A gateway dyno shares its ports with its siblings; its own $PORT tells the boot check it is
    // up. Closed before the drain, so a check no longer finds a stopping gateway up.
    ReadyPort ready =
        ReadyPort.openUnlessServed(settings.env("PORT"), gateway.sshPort(), gateway.httpPort());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    if (ready != null) ready.close();
                    gateway.drain();
                  } catch (Exception e) {
                    // The JVM is going away either way; say why the stop was not clean.
                    LoggerFactory.getLogger(GatewayMain.class).warn("could not drain", e);
                  } finally {
                    stopped.countDown();
                  }
                },
                "gateway-shutdown"));
    stopped.await();
  }
}
