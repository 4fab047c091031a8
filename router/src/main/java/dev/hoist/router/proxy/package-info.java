/**
 * One request's way through the router. {@link dev.hoist.router.proxy.FrontendHandler} ends each client
 * connection's pipeline and starts an {@code Exchange} per request, which picks a dyno
 * ({@code BackendPool}, {@code Attempts}), streams both ways with backpressure, and answers failures
 * with a {@code ProxyError}. All of a request's work happens on one event loop; what a loop keeps for
 * itself (its dyno connections, its timeout lists) is touched by that loop alone, so nothing here locks.
 */
package dev.hoist.router.proxy;
