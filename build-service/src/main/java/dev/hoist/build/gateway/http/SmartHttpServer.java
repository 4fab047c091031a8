package dev.hoist.build.gateway.http;

import com.sun.net.httpserver.HttpServer;
import dev.hoist.build.gateway.Connections;
import dev.hoist.build.gateway.GatewaySettings;
import dev.hoist.build.gateway.GitSessions;
import dev.hoist.internal.builds.GatewayApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;

/**
 * The smart-HTTP door: the JDK's HTTP server with one handler, served by the gateway's worker pool,
 * on a loopback port of its own behind the {@link ReusePortRelay} that holds the public port. At
 * most {@code hoist.ssh.max-sessions} connections are served at once, as many as there are workers.
 */
public final class SmartHttpServer implements AutoCloseable {
  private static final int BACKLOG = 64;

  private final HttpServer server;
  private final ReusePortRelay relay;

  private SmartHttpServer(HttpServer server, ReusePortRelay relay) {
    this.server = server;
    this.relay = relay;
  }

  /** Listening once it returns. */
  public static SmartHttpServer start(
      GatewaySettings settings,
      GatewayApi api,
      GitSessions sessions,
      ExecutorService workers,
      Connections connections)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
    server.createContext("/", new SmartHttpHandler(api, sessions));
    server.setExecutor(workers);
    server.start();
    try {
      ReusePortRelay relay =
          ReusePortRelay.start(
              new InetSocketAddress(settings.httpBindAddress(), settings.httpPort()),
              BACKLOG,
              server.getAddress(),
              connections,
              settings.maxSessions());
      return new SmartHttpServer(server, relay);
    } catch (IOException | RuntimeException e) {
      server.stop(0);
      throw e;
    }
  }

  /** The public address actually bound. */
  public InetSocketAddress address() {
    return relay.address();
  }

  /** New connections go to the other gateways on the port; requests already here go on. */
  public void stopAccepting() {
    relay.stopAccepting();
  }

  @Override
  public void close() {
    relay.close();
    server.stop(0);
  }
}
