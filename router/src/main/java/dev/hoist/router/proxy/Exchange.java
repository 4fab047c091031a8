package dev.hoist.router.proxy;

import dev.hoist.router.route.AppRoute;
import dev.hoist.router.route.CustomPages;
import dev.hoist.router.route.Dyno;
import dev.hoist.router.route.RouteTable;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;

/**
 * One request on its way through the router, as a state machine: choose a dyno, connect, stream the
 * request, stream the response back, log one line. Everything runs on the client channel's event
 * loop, and the dyno connection is on that loop too, so no field here needs a lock.
 *
 * <pre>
 *   start --> ROUTING --no table yet, a dyno booting--> WAITING --the table changed--> ROUTING
 *              |  |
 *              |  +--every dyno full------------------> QUEUED ---its turn-----------> ROUTING
 *              v a dyno
 *           CONNECTING --connect failed-------------------------------------------> ROUTING
 *              v connected
 *             SENT --closed unanswered, can be sent again-------------------------> ROUTING
 *              v response head
 *          RESPONDING --101: the two connections become a tunnel------------------> DONE
 *              v response end
 *             DONE
 * </pre>
 *
 * Every other way ends in DONE too: with an error page before RESPONDING ({@link #fail}), with a
 * reset after it ({@link #interrupted}), or wherever it is when the client leaves. The package-info
 * says which class does what.
 */
final class Exchange extends Deadlines.Node {
  private enum State {
    ROUTING,
    WAITING,
    QUEUED,
    CONNECTING,
    SENT,
    RESPONDING,
    DONE
  }

  private final Proxy proxy;
  private final Proxy.Loop loop;
  private final FrontendHandler front;
  private final Channel client;
  private final RequestFacts request;
  private final RequestBody body;
  private final Attempts attempts;
  private final DynoLink dyno;
  private final ResponseRelay response;
  private final ExchangeLog log = new ExchangeLog();

  private State state = State.ROUTING;
  private String app;

  /** The app's own 503 pages, once its route is known. */
  private CustomPages pages = CustomPages.NONE;

  /** Made when it first has to wait (WAITING or QUEUED), which most exchanges never do. */
  private Waits waits;

  /** It had a place once (its turn, or a dyno): should it wait again, it waits in front. */
  private boolean hadItsTurn;

  /** The client's connection closes after this exchange (the request or the response says so). */
  private boolean closeAfter;

  Exchange(
      Proxy proxy, Proxy.Loop loop, FrontendHandler front, Channel client, RequestFacts request) {
    this.proxy = proxy;
    this.loop = loop;
    this.front = front;
    this.client = client;
    this.request = request;
    this.body = new RequestBody(request.idempotent(), request.chunked());
    this.attempts = new Attempts(proxy.quarantine);
    this.dyno = new DynoLink(loop);
    this.response = new ResponseRelay(client, dyno);
  }

  boolean requestComplete() {
    return body.complete();
  }

  /**
   * Not while chunks wait for a dyno, nor while its socket is full. Asked before a dyno is chosen
   * too: stopping and restarting reads for a bodiless request would cost two needless syscalls.
   */
  boolean canTakeMore() {
    return !body.holding() && dyno.writable();
  }

  /** Routes the request: at first, and again after a wait, a failed try or a dyno that closed. */
  void dispatch() {
    RouteTable table = proxy.routes.table();
    AppRoute route =
        !table.loaded() ? null : app == null ? table.forHost(request.host()) : table.app(app);
    if (!table.loaded()) await(table, ProxyError.NO_ROUTE_TABLE);
    else if (route == null) fail(ProxyError.NO_ROUTE);
    else route(table, route);
  }

  private void route(RouteTable table, AppRoute route) {
    app = route.name();
    pages = route.pages();
    if (route.maintenance()) {
      fail(ProxyError.MAINTENANCE);
      return;
    }
    int maxInFlight = proxy.config.maxInFlight();
    BackendPool.Pick pick = attempts.next(loop.pool(), route, maxInFlight);
    // No pick and no reason: a dyno is booting. A full pick: even the least loaded dyno is full.
    if (pick == null) {
      ProxyError none = attempts.whyNone(route);
      if (none == null) await(table, ProxyError.BOOT_TIMEOUT);
      else fail(none);
    } else if (pick.full(maxInFlight)) queue(maxInFlight * route.serving().length);
    else connect(pick.dyno());
  }

  /** Holds the request until the route table changes, up to {@code boot-wait}; then fails. */
  private void await(RouteTable seen, ProxyError onTimeout) {
    state = State.WAITING;
    waits().forRoutes(seen, onTimeout);
  }

  void routesChanged() {
    if (state == State.WAITING) dispatch();
  }

  /** Every dyno is full from this loop: it waits its turn, or H11 ({@link Backlogs}). */
  private void queue(int depth) {
    if (waits().inBacklog(app, depth, hadItsTurn)) state = State.QUEUED;
    else fail(ProxyError.BACKLOG_TOO_DEEP);
  }

  /** Its turn in the backlog: it tries again, and passes the turn on unless it is back in front. */
  void leftBacklog() {
    if (state == State.QUEUED) {
      state = State.ROUTING;
      hadItsTurn = true;
      dispatch();
    }
    if (state != State.QUEUED) loop.backlogs().wakeNext(app);
  }

  /** A wait's deadline passed ({@link Waits}): it fails if it still waits so. */
  void waitedTooLong(boolean inBacklog, ProxyError error) {
    if (state == (inBacklog ? State.QUEUED : State.WAITING)) fail(error);
  }

  private void connect(Dyno next) {
    stopWaiting();
    hadItsTurn = true;
    log.dyno = next.name();
    state = State.CONNECTING;
    dyno.connect(next, app, attempts.freshOnly(), this);
  }

  void connectFailed(Dyno target, Throwable cause) {
    attempts.connectFailed(target, cause);
    dispatch();
  }

  void connected(Channel ch, long connectMs) {
    log.connectMs = connectMs;
    dyno.send(ch, this, request, body);
    state = State.SENT;
    loop.firstByte().add(this);
    front.updateReading();
    dyno.flush(); // last: with it go the reads updateReading may have asked for (see SubmitNow)
    log.sentNanos = System.nanoTime();
  }

  void onRequestContent(HttpContent c) {
    if (c.decoderResult().isFailure()) { // a bad chunk: the request cannot be finished
      c.release();
      body.markComplete();
      closeAfter = true;
      if (state == State.RESPONDING) interrupted(ProxyError.BAD_REQUEST);
      else fail(ProxyError.BAD_REQUEST);
    } else if (state == State.SENT || state == State.RESPONDING) {
      dyno.send(c, body);
    } else if (state == State.DONE) {
      body.drop(c);
    } else { // until a dyno connection exists; reading stops meanwhile
      body.hold(c);
      front.updateReading();
    }
  }

  /** After a read of the client socket: one flush for everything it brought. */
  void flushBackend() {
    if (state == State.RESPONDING) loop.idle().add(this); // a client byte: the idle deadline anew
    dyno.flush();
  }

  void backendWritabilityChanged() {
    front.updateReading();
  }

  /** What the dyno's connection decoded: a head, bytes, the end, or {@link ResponseDecoder#BAD}. */
  void onResponse(Object msg) {
    if (state != State.SENT && state != State.RESPONDING) {
      ResponseDecoder.release(msg);
    } else if (msg == ResponseDecoder.BAD) {
      if (state == State.RESPONDING) interrupted(ProxyError.RESPONSE_INTERRUPTED);
      else fail(ProxyError.BAD_RESPONSE);
    } else if (msg instanceof ResponseHead head) {
      onResponseHead(head);
    } else if (msg instanceof ByteBuf data) {
      log.bytes += data.readableBytes();
      response.body(data);
    } else if (msg instanceof ResponseEnd end) {
      finish(end);
    } else {
      ResponseDecoder.release(msg);
    }
  }

  private void onResponseHead(ResponseHead head) {
    if (response.informational(head, request.http10())) return; // 100 or 103: more to come
    stopWaiting();
    if (head.status == 101 && !request.upgrade()) { // a switch nobody asked for: a confused dyno
      fail(ProxyError.BAD_RESPONSE);
      return;
    }
    body.stopReplay(); // the dyno has answered: this request will not be sent again
    state = State.RESPONDING;
    log.status = head.status;
    dyno.keepAlive(head.keepAlive() && !head.untilClose);
    // A draining router tells the client to take its next request elsewhere.
    closeAfter |= response.start(head, request, request.keepAlive() && !proxy.draining());
    if (head.status == 101) switchProtocols();
  }

  /** After a read of the dyno's socket: one flush for all it brought; the idle deadline anew. */
  void flushClient() {
    if (state == State.RESPONDING) loop.idle().add(this);
    response.flush();
  }

  void clientWritabilityChanged() {
    if (state == State.RESPONDING) response.clientWritabilityChanged();
  }

  private void finish(ResponseEnd end) {
    state = State.DONE;
    boolean keepClient = !closeAfter && body.complete();
    response.end(end, keepClient);
    detach(body.complete());
    done(null, false, keepClient);
  }

  private void switchProtocols() {
    response.flush();
    state = State.DONE;
    log.write(proxy.logs, app, request, null, false);
    Channel backend = dyno.handOver();
    body.release();
    front.tunnel(backend);
  }

  void onBackendClosed() {
    if (state == State.SENT) {
      Dyno lost = dyno.held();
      detach(false);
      attempts.closedUnanswered(lost, dyno.reused());
      if (body.replayable()) dispatch(); // everything sent so far is kept: send it again elsewhere
      else fail(ProxyError.CONNECTION_CLOSED);
    } else if (state == State.RESPONDING) {
      interrupted(ProxyError.RESPONSE_INTERRUPTED);
    }
  }

  /**
   * The first byte's deadline passed (H12), or {@code idle-timeout} in a response: the side that
   * owes something is to blame, the client (H28: body unsent or not reading) or the dyno (H15).
   */
  @Override
  void expired() {
    boolean clientOwes = !body.complete() || !client.isWritable();
    if (state == State.SENT) fail(ProxyError.REQUEST_TIMEOUT);
    else if (state == State.RESPONDING)
      interrupted(clientOwes ? ProxyError.CLIENT_IDLE : ProxyError.IDLE_CONNECTION);
  }

  /**
   * The client's connection closed; it has no current exchange any more ({@link FrontendHandler}).
   */
  void onClientClosed() {
    if (state == State.DONE) return;
    detach(false);
    state = State.DONE;
    response.drop();
    log.status = ProxyError.CLIENT_INTERRUPTED.status();
    done(ProxyError.CLIENT_INTERRUPTED, true, false);
  }

  /** An answer from the router itself: the response has not started, so a status can say it. */
  private void fail(ProxyError error) {
    if (state == State.DONE) return;
    detach(false);
    state = State.DONE;
    log.status = error.status();
    // A body the dyno never saw must not be read as the next request: close unless there was none.
    boolean keepClient =
        (body.complete() || request.bodyless())
            && request.keepAlive()
            && !closeAfter
            && !proxy.draining();
    ErrorPage.write(client, error, pages, request.head(), keepClient, request.requestId());
    done(error, false, keepClient);
  }

  /** The response has started, so no status can tell the client: reset the connection instead. */
  private void interrupted(ProxyError error) {
    state = State.DONE;
    response.drop();
    detach(false);
    done(error, true, false);
    response.resetClient();
  }

  /**
   * The last of every exchange but a tunnel's: its log line, and the client connection handed back.
   */
  private void done(ProxyError error, boolean interrupted, boolean keepClient) {
    log.write(proxy.logs, app, request, error, interrupted);
    body.release();
    front.exchangeDone(this, keepClient);
  }

  /** Off the deadline lists, and no longer waiting: its timers, the table, the backlog. */
  private void stopWaiting() {
    Deadlines.unlink(this);
    if (waits != null) waits.stop(state == State.QUEUED);
  }

  /** Stops waiting and lets go of the dyno: its connection back to the pool when {@code clean}. */
  private void detach(boolean clean) {
    stopWaiting();
    dyno.release(clean);
  }

  private Waits waits() {
    if (waits == null) waits = new Waits(this, proxy, loop.backlogs(), client.eventLoop());
    return waits;
  }
}
