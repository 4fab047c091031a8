package dev.hoist.router.route;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Long-polls {@code GET {api}/internal/routes?since=REV&wait=30} with the component token and installs
 * every table it gets. The api answers at once when the revision has moved, else after {@code wait}
 * seconds with the same table; either way we ask again.
 *
 * <p>When the api is down or refuses us, the last table stays in force; the source retries with a
 * growing pause (0.5 s doubling to 10 s) and logs once per outage, not once per attempt.
 */
public final class ApiRouteSource implements RouteSource {
  private static final System.Logger LOG = System.getLogger(ApiRouteSource.class.getName());
  private static final int WAIT_SECONDS = 30;
  private static final long MIN_PAUSE_MS = 500;
  private static final long MAX_PAUSE_MS = 10_000;

  private final URI base;
  private final String token;
  private final String appsDomain;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private volatile boolean closed;
  private Thread thread;

  public ApiRouteSource(String apiUrl, String token, String appsDomain) {
    this.base = URI.create(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
    this.token = token;
    this.appsDomain = appsDomain;
  }

  @Override
  public void start(Routes routes) {
    thread = new Thread(() -> poll(routes), "hoist-router-routes");
    thread.setDaemon(true);
    thread.start();
  }

  private void poll(Routes routes) {
    long pause = MIN_PAUSE_MS;
    String outage = null;
    while (!closed) {
      RouteTable current = routes.table();
      try {
        RouteTable next = fetch(current.loaded() ? current.revision() : -1);
        if (outage != null) LOG.log(Level.INFO, "api reachable again: routes at revision {0}", next.revision());
        outage = null;
        pause = MIN_PAUSE_MS;
        if (next.revision() != current.revision() || !current.loaded()) routes.update(next);
        continue;
      } catch (InterruptedException e) {
        return;
      } catch (IOException | RuntimeException e) {
        if (closed) return;
        if (outage == null) {
          outage = String.valueOf(e.getMessage());
          LOG.log(Level.WARNING, "cannot read routes from {0} ({1}); serving the last table (revision {2}) "
              + "and retrying", base, outage, current.revision());
        }
      }
      try {
        Thread.sleep(pause); // backoff between failed attempts, not a wait for a condition
      } catch (InterruptedException e) {
        return;
      }
      pause = Math.min(pause * 2, MAX_PAUSE_MS);
    }
  }

  private RouteTable fetch(long since) throws IOException, InterruptedException {
    String query = since < 0 ? "internal/routes" : "internal/routes?since=" + since + "&wait=" + WAIT_SECONDS;
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(query))
        .timeout(Duration.ofSeconds(WAIT_SECONDS + 15)).header("Accept", "application/json");
    if (token != null && !token.isEmpty()) request.header("Authorization", "Bearer " + token);
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) throw new IOException("api answered " + response.statusCode());
    return RouteJson.parse(response.body(), appsDomain);
  }

  @Override
  public void close() {
    closed = true;
    if (thread != null) thread.interrupt();
  }
}
