package dev.hoist.router.route;

/**
 * Where route tables come from: the api's long-poll in production ({@link ApiRouteSource}), a fixed
 * table in tests and benchmarks ({@link StaticRouteSource}).
 *
 * <p>Contract: {@link #start} is called once, by {@code Router.start()}, before the router accepts
 * connections. The source then calls {@link Routes#update} with a whole table whenever it learns a
 * new one, from its own thread (never an event loop: updates may wake waiting requests, and a
 * source may block). When its origin is unreachable a source keeps quiet, so the router goes on
 * serving from the last table it had. {@link #close} stops the source; it must not throw.
 */
public interface RouteSource extends AutoCloseable {
  void start(Routes routes);

  @Override
  void close();
}
