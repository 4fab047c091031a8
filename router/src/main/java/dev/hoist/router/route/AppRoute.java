package dev.hoist.router.route;

import java.util.List;

/**
 * An app's entry in the route table: its hosts and web dynos, with what the router decides on
 * precomputed, so choosing a dyno costs no allocation.
 *
 * @param name the app's name
 * @param hosts every host name that routes here, lower case
 * @param dynos every web dyno the api reported, whatever its state
 * @param serving the dynos a request may go to ({@link Dyno#canServe()})
 * @param anyCrashed at least one web dyno is {@code crashed} (H10 when none serves)
 * @param anyStarting at least one web dyno is {@code starting} (hold the request when none serves)
 * @param maintenance every request gets the maintenance page (H80), whatever the dynos
 * @param blank nothing deployed yet: with no dyno to serve, H81 rather than H14
 * @param pages the app's own error and maintenance pages, if it has set them
 */
public record AppRoute(
    String name,
    List<String> hosts,
    List<Dyno> dynos,
    Dyno[] serving,
    boolean anyCrashed,
    boolean anyStarting,
    boolean maintenance,
    boolean blank,
    CustomPages pages) {

  public static AppRoute of(String name, List<String> hosts, List<Dyno> dynos) {
    return of(name, hosts, false, false, dynos);
  }

  public static AppRoute of(
      String name, List<String> hosts, boolean maintenance, boolean blank, List<Dyno> dynos) {
    return of(name, hosts, maintenance, blank, CustomPages.NONE, dynos);
  }

  public static AppRoute of(
      String name,
      List<String> hosts,
      boolean maintenance,
      boolean blank,
      CustomPages pages,
      List<Dyno> dynos) {
    return new AppRoute(
        name,
        List.copyOf(hosts),
        List.copyOf(dynos),
        dynos.stream().filter(Dyno::canServe).toArray(Dyno[]::new),
        dynos.stream().anyMatch(d -> "crashed".equals(d.state())),
        dynos.stream().anyMatch(d -> "starting".equals(d.state())),
        maintenance,
        blank,
        pages);
  }
}
