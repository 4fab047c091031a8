/**
 * One request's way through the router. {@link dev.hoist.router.proxy.FrontendHandler} ends each
 * client connection's pipeline and starts an {@code Exchange} per request: the state machine of
 * that request, whose javadoc draws its states; start there. It reads what it needs from {@code
 * RequestFacts}, picks a dyno ({@code BackendPool}, {@code Attempts}), waits when it must ({@code
 * Waits}, {@code Backlogs}), streams the request down a {@code DynoLink} and the response back
 * through a {@code ResponseRelay}, answers failures with a {@code ProxyError}, and logs one line
 * ({@code ExchangeLog}). All of a request's work happens on one event loop; what a loop keeps for
 * itself (its dyno connections, its backlogs, its timeout lists) is touched by that loop alone, so
 * nothing here locks.
 */
package dev.hoist.router.proxy;
