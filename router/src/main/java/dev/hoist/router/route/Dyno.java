package dev.hoist.router.route;

import java.net.InetSocketAddress;

/**
 * One web dyno as the route table describes it.
 *
 * @param name {@code web.1}
 * @param address {@code ip:port} as reported by the dyno manager; null until known
 * @param socketAddress {@code address} resolved once, when the table is read, so no lookup happens
 *     on an event loop; null when the address is missing or unparseable
 * @param state {@code starting}, {@code up}, {@code crashed}, {@code down} or {@code idle}
 * @param routable false while the dyno drains before a stop
 */
public record Dyno(
    String name, String address, InetSocketAddress socketAddress, String state, boolean routable) {

  /**
   * Parses {@code ip:port} or {@code host:port}; an unusable address leaves the dyno unroutable.
   */
  public static Dyno of(String name, String address, String state, boolean routable) {
    return new Dyno(name, address, resolve(address), state, routable);
  }

  /** Up, routable and reachable: the only dynos a request may go to. */
  public boolean canServe() {
    return "up".equals(state) && routable && socketAddress != null;
  }

  private static InetSocketAddress resolve(String address) {
    if (address == null) return null;
    int colon = address.lastIndexOf(':');
    if (colon <= 0 || colon == address.length() - 1) return null;
    String host = address.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
    try {
      int port = Integer.parseInt(address.substring(colon + 1));
      InetSocketAddress resolved = new InetSocketAddress(host, port);
      return resolved.isUnresolved() ? null : resolved;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
