package dev.hoist.internal.dynos;

import dev.hoist.internal.InternalApi;
import dev.hoist.internal.InternalApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What the dyno manager tells the api about dynos: the observed list per app, and one-off exits.
 */
public final class DynoApi {
  private final InternalApi api;

  public DynoApi(InternalApi api) {
    this.api = api;
  }

  /** {@code PUT /internal/apps/{app}/dynos} with the whole list of that app's dynos. */
  public void report(String app, List<DynoReport> dynos) throws InternalApiException {
    api.send("PUT", "/internal/apps/" + encode(app) + "/dynos", dynos);
  }

  /** {@code POST /internal/apps/{app}/one-offs/{name}/exit}: the one-off ended with this status. */
  public void oneOffExit(String app, String name, int status) throws InternalApiException {
    api.send(
        "POST",
        "/internal/apps/" + encode(app) + "/one-offs/" + encode(name) + "/exit",
        Map.of("status", status));
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }
}
