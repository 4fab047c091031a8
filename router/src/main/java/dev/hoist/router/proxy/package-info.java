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
 *
 * <p>How an exchange ends: until its response starts, a failure is answered with an error page (no
 * route, maintenance, a crashed app, a full backlog, a timeout, no dyno left to try); once the head
 * has reached the client only a reset can tell it; a client that leaves ends its exchange wherever
 * it is. {@code Attempts} picks the next dyno and remembers what failed; a request goes again only
 * if {@code RequestBody} kept all of it. The bytes stream both ways with flow control: {@code
 * DynoLink} to the dyno, {@code ResponseRelay} back.
 *
 * <p>How a router stops: {@code ClientConnections} knows every client connection; {@link
 * dev.hoist.router.proxy.Proxy#drain} has each idle one close and each busy one answer its request
 * with {@code Connection: close} ({@code FrontendHandler}, {@code Exchange}), and says when none is
 * left.
 */
package dev.hoist.router.proxy;
