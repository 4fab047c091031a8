package dev.hoist.router.support;

import dev.hoist.router.Router;
import dev.hoist.router.RouterConfig;
import dev.hoist.router.route.RouteTable;
import dev.hoist.router.route.StaticRouteSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A router in-process on an ephemeral port, fed by a {@link StaticRouteSource} and logging into
 * {@link CapturedLogs}, with a real HTTP client pointed at it.
 */
public final class RouterHarness implements AutoCloseable {
  public final StaticRouteSource routes;
  public final CapturedLogs logs = new CapturedLogs();
  public final Router router;
  public final int port;
  public final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private RouterHarness(Map<String, String> settings, RouteTable table)
      throws InterruptedException {
    Map<String, String> all =
        new HashMap<>(
            Map.of(
                "hoist.router.port",
                "0",
                "hoist.router.bind",
                "127.0.0.1",
                "hoist.router.threads",
                "2",
                // A test that ends with a request still open waits this long in close(), not 25 s.
                "hoist.router.drain-timeout",
                "1s"));
    all.putAll(settings);
    routes = new StaticRouteSource(table);
    router = new Router(RouterConfig.from(all), routes, logs);
    port = router.start();
  }

  public static RouterHarness start(RouteTable table) throws InterruptedException {
    return new RouterHarness(Map.of(), table);
  }

  public static RouterHarness start(Map<String, String> settings, RouteTable table)
      throws InterruptedException {
    return new RouterHarness(settings, table);
  }

  /**
   * A request to the router for {@code host} (the client connects to 127.0.0.1 and sends that
   * Host).
   */
  public HttpRequest.Builder request(String host, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Host", host)
        .timeout(Duration.ofSeconds(30));
  }

  public HttpResponse<String> get(String host, String path)
      throws IOException, InterruptedException {
    return http.send(request(host, path).build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** An address where nothing listens: connecting to it is refused. */
  public static String refusingAddress() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return "127.0.0.1:" + s.getLocalPort();
    }
  }

  @Override
  public void close() {
    router.close();
  }
}
