package dev.hoist.router.route;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An immutable snapshot of where every app's requests may go. The router swaps whole tables (see
 * {@link Routes}); a request reads one table and never sees half of an update.
 */
public final class RouteTable {
  /** What the router has before the first table arrives: requests wait for a real one. */
  public static final RouteTable NOT_LOADED = new RouteTable(-1, List.of(), "localhost", false);

  private final long revision;
  private final boolean loaded;
  private final Map<String, AppRoute> byHost = new HashMap<>();
  private final Map<String, AppRoute> byName = new HashMap<>();

  /**
   * @param appsDomain every app also answers at {@code NAME.<appsDomain>}, whatever hosts the api
   *     lists
   */
  public RouteTable(long revision, List<AppRoute> apps, String appsDomain) {
    this(revision, apps, appsDomain, true);
  }

  private RouteTable(long revision, List<AppRoute> apps, String appsDomain, boolean loaded) {
    this.revision = revision;
    this.loaded = loaded;
    String suffix = "." + appsDomain.toLowerCase(Locale.ROOT);
    for (AppRoute app : apps) {
      byName.put(app.name(), app);
      byHost.put(app.name().toLowerCase(Locale.ROOT) + suffix, app);
      for (String host : app.hosts()) byHost.put(host.toLowerCase(Locale.ROOT), app);
    }
  }

  /** The app a lower-case host name (no port) routes to, or null. */
  public AppRoute forHost(String host) {
    return byHost.get(host);
  }

  /** The app of that name in this table, or null when it has gone. */
  public AppRoute app(String name) {
    return byName.get(name);
  }

  public long revision() {
    return revision;
  }

  public boolean loaded() {
    return loaded;
  }

  public int size() {
    return byName.size();
  }
}
