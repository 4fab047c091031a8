package dev.hoist.build.gateway.http;

import com.sun.net.httpserver.HttpServer;
import dev.hoist.build.gateway.GatewaySettings;
import dev.hoist.build.gateway.GitSessions;
import dev.hoist.internal.builds.GatewayApi;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;

/**
 * The smart-HTTP door: the JDK's HTTP server with one handler, served by the gateway's worker pool.
 */
public final class SmartHttpServer implements AutoCloseable {
  private final HttpServer server;

  private SmartHttpServer(HttpServer server) {
    this.server = server;
  }

  public static SmartHttpServer start(
      GatewaySettings settings, GatewayApi api, GitSessions sessions, ExecutorService workers)
      throws IOException {
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress(settings.httpBindAddress(), settings.httpPort()), 64);
    server.createContext("/", new SmartHttpHandler(api, sessions));
    server.setExecutor(workers);
    server.start();
    return new SmartHttpServer(server);
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
