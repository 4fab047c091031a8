package dev.hoist.router.proxy;

import dev.hoist.router.log.RouterLogLine;
import dev.hoist.router.route.AppRoute;
import dev.hoist.router.route.CustomPages;
import dev.hoist.router.route.Dyno;
import dev.hoist.router.route.RouteTable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One request on its way through the router: choose a dyno, connect, stream the request, stream the
 * response back, log one line. Everything runs on the client channel's event loop, and the dyno
 * connection is on that loop too, so no field here needs a lock.
 *
 * <p>Flow control: request body chunks go to the dyno as they arrive; when the dyno socket's buffer is
 * above its high-water mark the client is not read (autoRead off, see {@link #canTakeMore}) until it
 * drains. The response runs the same way in the other direction. Chunks that arrive before a dyno
 * connection exists wait in {@link RequestBody}, and reading stops meanwhile. Nothing is buffered whole.
 *
 * <p>Retries ({@link Attempts}): a failed connect always moves on to another dyno. A dyno that closes
 * without a response byte costs the client nothing when the request is idempotent and its body small
 * enough to keep: it is sent again elsewhere. Otherwise H13. Once the response has started, a broken
 * dyno connection resets the client's (H18): a status can no longer say what happened.
 */
final class Exchange extends Deadlines.Node {
  /** A body piece this small is copied in behind its response head: one buffer to write, not two. */
  private static final int SMALL_BODY = 1024;

  private enum State { ROUTING, WAITING, QUEUED, CONNECTING, SENT, RESPONDING, DONE }

  private final Proxy proxy;
  private final FrontendHandler front;
  private final Channel client;
  private final BackendPool pool;
  private final Deadlines firstByte;
  private final Deadlines idle;
  private final SubmitNow submitNow;
  private final HttpRequest request;
  private final RequestBody body;
  private final Attempts attempts;
  private final String method;
  private final String path;
  private final String host;
  private final String requestId;
  private final String forwardedFor;
  private final String proto;
  private final String port;
  private final long startMillis;
  private final boolean chunkedRequest;
  private final boolean head;
  private final boolean upgrade;
  private final boolean clientKeepAlive;
  private final boolean http10;
  private final boolean bodyless;

  private State state = State.ROUTING;
  private String app;
  /** The app's own 503 pages, once its route is known. */
  private CustomPages pages = CustomPages.NONE;
  private Dyno dyno;
  private String dynoName;
  private Channel backend;
  private BackendHandler backendHandler;
  private boolean reused;
  private boolean backendDirty;
  private ScheduledFuture<?> bootTimer;
  /** While in the app's backlog: the first-byte timeout, counted from when it began waiting (H12). */
  private ScheduledFuture<?> backlogTimer;
  /**
   * It had a place once (woken from the backlog, or sent to a dyno): should it need to wait again, it goes
   * to the front of the backlog, whatever its depth.
   */
  private boolean hadItsTurn;
  /** When it first joined the backlog, or 0: its wait there is one first-byte timeout in all. */
  private long queuedSince;
  private Runnable waiter;
  private ProxyError waitError;
  private long connectMs = -1;
  private long sentNanos;
  private boolean chunkToClient;
  /** The response head, not yet handed to the client channel: a small body joins it in one buffer. */
  private ByteBuf unsent;
  private boolean closeAfter;
  private boolean backendKeepAlive;
  private int status;
  private long bytes;

  Exchange(Proxy proxy, FrontendHandler front, Channel client, Proxy.Loop loop, HttpRequest request, String host,
      String clientIp, String localPort, boolean trustedPeer) {
    this.proxy = proxy;
    this.front = front;
    this.client = client;
    this.pool = loop.pool();
    this.firstByte = loop.firstByte();
    this.idle = loop.idle();
    this.submitNow = loop.submitNow();
    this.request = request;
    this.host = host;
    HttpMethod m = request.method();
    this.method = m.name();
    this.head = HttpMethod.HEAD.equals(m);
    this.chunkedRequest = HttpUtil.isTransferEncodingChunked(request);
    this.body = new RequestBody(head || HttpMethod.GET.equals(m) || HttpMethod.OPTIONS.equals(m), chunkedRequest);
    this.attempts = new Attempts(proxy.quarantine);
    this.http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
    this.clientKeepAlive = HttpUtil.isKeepAlive(request);
    this.bodyless = !chunkedRequest && HttpUtil.getContentLength(request, 0L) == 0;
    this.upgrade = request.headers().contains(HttpHeaderNames.UPGRADE)
        && request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
    String uri = request.uri();
    this.path = HostName.isAbsolute(uri) ? HostName.originForm(uri) : uri;
    this.requestId = RequestIds.keepOrCreate(request.headers().get(ForwardedHeaders.X_REQUEST_ID));
    this.forwardedFor = ForwardedHeaders.forwardedFor(request.headers(), clientIp);
    this.proto = ForwardedHeaders.proto(request.headers(), trustedPeer);
    this.port = ForwardedHeaders.port(request.headers(), trustedPeer, localPort);
    this.startMillis = System.currentTimeMillis();
  }

  void start() {
    dispatch();
  }

  boolean requestComplete() {
    return body.complete();
  }

  /**
   * Whether more from the client can be taken now (see the class comment on flow control): not while
   * chunks wait for a dyno connection, nor while the dyno's socket is full. Reading goes on otherwise,
   * even before a dyno is chosen: a bodiless request sends nothing more, so stopping and restarting
   * reads for it would cost two system calls per request for nothing.
   */
  boolean canTakeMore() {
    return !body.holding() && (backend == null || backend.isWritable());
  }

  // ---- choosing a dyno ------------------------------------------------------------------------------

  private void dispatch() {
    RouteTable table = proxy.routes.table();
    if (!table.loaded()) {
      await(table, ProxyError.NO_ROUTE_TABLE);
      return;
    }
    AppRoute route = app == null ? table.forHost(host) : table.app(app);
    if (route == null) {
      fail(ProxyError.NO_ROUTE);
      return;
    }
    app = route.name();
    pages = route.pages();
    if (route.maintenance()) {
      fail(ProxyError.MAINTENANCE);
      return;
    }
    Dyno next = attempts.next(pool, route, proxy.config.maxInFlight());
    if (next != null && pool.pickedLoad() >= proxy.config.maxInFlight()) queue(route); // the least loaded: all full
    else if (next != null) connect(next);
    else if (attempts.lastFailure() != null) fail(attempts.lastFailure()); // all tried, or out of tries
    else if (route.anyCrashed()) fail(ProxyError.APP_CRASHED);
    else if (route.anyStarting()) await(table, ProxyError.BOOT_TIMEOUT);
    else fail(route.blank() ? ProxyError.BLANK_APP : ProxyError.NO_DYNOS);
  }

  /**
   * Every dyno has {@code max-in-flight} requests from this loop: the request waits its turn in the app's
   * backlog, which holds as many per serving dyno (Heroku's request concurrency limit), or gets H11 when
   * that is full. A dyno that stalls thus costs its app a bounded queue and fast 503s rather than an ever
   * longer wait for everyone, and a dyno is never sent more than it can be expected to take.
   */
  private void queue(AppRoute route) {
    if (!pool.enqueue(app, this, proxy.config.maxInFlight() * route.serving().length, hadItsTurn)) {
      fail(ProxyError.BACKLOG_TOO_DEEP);
      return;
    }
    state = State.QUEUED;
    if (queuedSince == 0) queuedSince = System.nanoTime();
    if (backlogTimer == null) {
      long left = proxy.config.firstByteTimeout().toNanos() - (System.nanoTime() - queuedSince);
      backlogTimer = client.eventLoop().schedule(() -> {
        backlogTimer = null;
        if (state == State.QUEUED) fail(ProxyError.REQUEST_TIMEOUT);
      }, Math.max(0, left), TimeUnit.NANOSECONDS);
    }
  }

  /**
   * A place may be free (a request of the app ended on this loop, or the pool's once-a-second look): this
   * one, first in the backlog, tries again. Unless it finds every dyno full and goes back to the front,
   * the next one gets a turn too: it took a place and there may be more, or it did not take the freed one
   * (its client left, or it failed, say for maintenance), which would otherwise stay free while the
   * backlog waits for another request to end.
   */
  void leftBacklog() {
    if (state == State.QUEUED) {
      state = State.ROUTING;
      hadItsTurn = true;
      dispatch();
    }
    if (state != State.QUEUED) pool.wakeNext(app);
  }

  /** Holds the request until the route table changes, up to {@code boot-wait}; then {@code onTimeout}. */
  private void await(RouteTable seen, ProxyError onTimeout) {
    state = State.WAITING;
    waitError = onTimeout;
    if (bootTimer == null) {
      bootTimer = client.eventLoop().schedule(() -> {
        bootTimer = null;
        if (state == State.WAITING) fail(waitError);
      }, proxy.config.bootWait().toNanos(), TimeUnit.NANOSECONDS);
    }
    if (waiter == null) waiter = () -> client.eventLoop().execute(() -> {
      if (state == State.WAITING) dispatch();
    });
    proxy.routes.onChange(seen, waiter);
  }

  private void connect(Dyno next) {
    cancelTimers();
    hadItsTurn = true; // a retry that has to wait goes to the front of the backlog
    dyno = next;
    dynoName = next.name();
    pool.begin(next);
    state = State.CONNECTING;
    Channel idle = attempts.freshOnly() ? null : pool.idle(next);
    if (idle != null) {
      reused = true;
      connectMs = 0;
      connected(idle);
      return;
    }
    reused = false;
    long t0 = System.nanoTime();
    pool.connect(next).addListener((ChannelFuture f) -> onConnect(f, next, t0));
  }

  private void onConnect(ChannelFuture f, Dyno target, long t0) {
    if (state != State.CONNECTING || dyno != target) { // the client left meanwhile
      if (f.isSuccess()) f.channel().close();
      return;
    }
    if (!f.isSuccess()) {
      pool.end(target, app);
      dyno = null;
      attempts.connectFailed(target, f.cause());
      dispatch();
      return;
    }
    connectMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    connected(f.channel());
  }

  // ---- request: client → dyno ---------------------------------------------------------------------

  private void connected(Channel ch) {
    backend = ch;
    backendHandler = (BackendHandler) ch.pipeline().get("backend");
    backendHandler.attach(this);
    backendHandler.responses.expect(head);
    ByteBuf out = ch.alloc().buffer(1024);
    ForwardedHeaders.toDyno(out, request, path, requestId, forwardedFor, proto, port, startMillis, chunkedRequest,
        upgrade);
    ch.write(out, ch.voidPromise());
    body.sendAll(ch);
    state = State.SENT;
    ch.flush();
    backendDirty = false;
    sentNanos = System.nanoTime();
    firstByte.add(this);
    front.updateReading();
    submitNow.run(); // after a connect, no read follows to send the request on its way
  }

  void onRequestContent(HttpContent c) {
    if (c.decoderResult().isFailure()) { // a bad chunk: the request cannot be finished
      c.release();
      body.markComplete();
      closeAfter = true;
      if (state == State.RESPONDING) interrupted(ProxyError.BAD_REQUEST, "client");
      else fail(ProxyError.BAD_REQUEST);
      return;
    }
    switch (state) {
      case SENT, RESPONDING -> {
        body.send(backend, c);
        backendDirty = true;
      }
      case DONE -> {
        if (c instanceof LastHttpContent) body.markComplete();
        c.release();
      }
      default -> {
        body.hold(c);
        front.updateReading();
      }
    }
  }

  /** After a read of the client socket: one flush for everything it brought. */
  void flushBackend() {
    if (state == State.RESPONDING) idle.add(this); // a byte from the client: the idle deadline starts again
    if (backendDirty && backend != null) {
      backendDirty = false;
      backend.flush();
    }
    submitNow.run();
  }

  void backendWritabilityChanged() {
    front.updateReading();
  }

  // ---- response: dyno → client --------------------------------------------------------------------

  /** What the dyno's connection decoded: a head, body bytes, the end, or {@link ResponseDecoder#BAD}. */
  void onResponse(Object msg) {
    if (state != State.SENT && state != State.RESPONDING) {
      release(msg);
      return;
    }
    if (msg == ResponseDecoder.BAD) {
      detach(false);
      if (state == State.RESPONDING) interrupted(ProxyError.RESPONSE_INTERRUPTED, "backend");
      else fail(ProxyError.BAD_RESPONSE);
    } else if (msg instanceof ResponseHead h) {
      onResponseHead(h);
    } else if (msg instanceof ByteBuf data) {
      onResponseBytes(data);
    } else if (msg instanceof ResponseEnd end) {
      finish(end);
    } else {
      release(msg);
    }
  }

  private void onResponseHead(ResponseHead response) {
    int code = response.status;
    if (code < 200 && code != 101) { // 100 Continue or 103: the real response is still to come
      if (!http10) { // an HTTP/1.0 client must not be sent one (RFC 9110 §15.2)
        ByteBuf out = client.alloc().buffer(response.length + 64);
        ForwardedHeaders.toClient(out, response, true, false, false);
        client.write(out, client.voidPromise());
      }
      return;
    }
    cancelTimers();
    if (code == 101 && !upgrade) { // a switch nobody asked for: the dyno is confused
      detach(false);
      fail(ProxyError.BAD_RESPONSE);
      return;
    }
    body.stopReplay(); // the dyno has answered: this request will not be sent again
    state = State.RESPONDING;
    status = code;
    backendKeepAlive = response.keepAlive() && !response.untilClose;
    chunkToClient = ForwardedHeaders.chunkedToClient(response, http10, head);
    ByteBuf out = client.alloc().buffer(response.length + 512);
    closeAfter |= ForwardedHeaders.toClient(out, response, clientKeepAlive, http10, head);
    if (code == 101) {
      client.writeAndFlush(out, client.voidPromise());
      switchProtocols();
      return;
    }
    unsent = out;
  }

  private void onResponseBytes(ByteBuf data) {
    int n = data.readableBytes();
    bytes += n;
    if (unsent != null && n <= SMALL_BODY && unsent.writableBytes() >= n + 16) { // one buffer, one copy
      if (chunkToClient) Chunks.append(unsent, data);
      else unsent.writeBytes(data);
      data.release();
      return;
    }
    sendUnsent();
    if (chunkToClient) Chunks.write(client, data);
    else client.write(data, client.voidPromise());
    if (!client.isWritable()) backend.config().setAutoRead(false);
  }

  /**
   * After a read of the dyno's socket. A response still under way (one that ended in this read is done)
   * goes on the idle list, or back to its end: every read from either side starts its deadline again.
   */
  void flushClient() {
    if (state == State.RESPONDING) idle.add(this);
    sendUnsent();
    client.flush();
    submitNow.run();
  }

  private void sendUnsent() {
    if (unsent != null) {
      client.write(unsent, client.voidPromise());
      unsent = null;
    }
  }

  private static void release(Object msg) {
    if (msg instanceof ResponseEnd end) ReferenceCountUtil.release(end.trailers);
    else ReferenceCountUtil.release(msg);
  }

  void clientWritabilityChanged() {
    if (state == State.RESPONDING && client.isWritable()) backend.config().setAutoRead(true);
  }

  private void finish(ResponseEnd end) {
    state = State.DONE;
    if (chunkToClient) {
      if (end.trailers != null || unsent == null || !Chunks.appendLast(unsent)) {
        sendUnsent();
        Chunks.last(client, end.trailers);
      }
    } else {
      ReferenceCountUtil.release(end.trailers); // an HTTP/1.0 client, or a length-framed body: no trailers
    }
    sendUnsent();
    boolean keepClient = !closeAfter && body.complete();
    if (keepClient) client.flush();
    else client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    log(null, null);
    detach(body.complete() && backendKeepAlive);
    front.exchangeDone(this, keepClient);
    submitNow.run(); // the exchange is detached, so no flushClient() follows this read to send the answer
  }

  private void switchProtocols() {
    state = State.DONE;
    log(null, null);
    Channel b = backend;
    backendHandler.detach();
    backend = null;
    pool.end(dyno, app);
    dyno = null;
    body.release();
    front.tunnel(b);
  }

  // ---- failures ---------------------------------------------------------------------------------------

  void onBackendClosed() {
    if (state == State.SENT) {
      Dyno lost = dyno;
      detach(false);
      attempts.closedUnanswered(lost, reused);
      if (body.replayable()) dispatch(); // everything sent so far is kept: send it again elsewhere
      else fail(ProxyError.CONNECTION_CLOSED);
    } else if (state == State.RESPONDING) {
      detach(false);
      interrupted(ProxyError.RESPONSE_INTERRUPTED, "backend");
    }
  }

  /**
   * A deadline passed: the first byte's (H12), or, once the response has started, {@code idle-timeout}
   * without a byte either way. Then the side that owes something is to blame: the client when it has not
   * sent all of its body or has stopped reading (H28), else the dyno (H15).
   */
  @Override
  void expired() {
    if (state == State.SENT) {
      detach(false);
      fail(ProxyError.REQUEST_TIMEOUT);
    } else if (state == State.RESPONDING) {
      boolean clientOwes = !body.complete() || !client.isWritable();
      interrupted(clientOwes ? ProxyError.CLIENT_IDLE : ProxyError.IDLE_CONNECTION, clientOwes ? "client" : "backend");
    }
  }

  void onClientClosed() {
    if (state == State.DONE) return;
    if (state == State.QUEUED) pool.stopWaiting(app, this);
    detach(false);
    if (waiter != null) proxy.routes.cancel(waiter);
    state = State.DONE;
    ReferenceCountUtil.release(unsent);
    unsent = null;
    status = ProxyError.CLIENT_INTERRUPTED.status();
    log(ProxyError.CLIENT_INTERRUPTED, "client");
    body.release();
  }

  /** An answer from the router itself; the response has not started, so a status can still say it. */
  private void fail(ProxyError error) {
    if (state == State.DONE) return;
    if (state == State.QUEUED) pool.stopWaiting(app, this); // a bad chunk, or its time in the backlog is up
    detach(false);
    if (waiter != null) proxy.routes.cancel(waiter);
    state = State.DONE;
    status = error.status();
    // A body the dyno never saw must not be read as the next request: close unless there was none.
    boolean keepClient = (body.complete() || bodyless) && clientKeepAlive && !closeAfter;
    ErrorPage.write(client, error, pages, head, keepClient, requestId);
    if (error.code() != null) log(error, null);
    body.release();
    front.exchangeDone(this, keepClient);
    submitNow.run();
  }

  /** The response has started, so no status can tell the client: reset the connection instead. */
  private void interrupted(ProxyError error, String sock) {
    state = State.DONE;
    ReferenceCountUtil.release(unsent);
    unsent = null;
    detach(false);
    log(error, sock);
    body.release();
    front.exchangeDone(this, false);
    client.config().setOption(ChannelOption.SO_LINGER, 0); // close() now sends RST, not FIN
    client.close();
  }

  // ---- bookkeeping ------------------------------------------------------------------------------------

  /** Lets go of the dyno connection: back to the pool when it is clean, else closed by the caller. */
  private void detach(boolean reuse) {
    cancelTimers();
    if (backend != null) {
      backendHandler.detach();
      if (reuse) {
        backend.config().setAutoRead(true);
        pool.release(dyno, backend, backendHandler);
      } else if (backend.isActive()) {
        backend.close();
      }
      backend = null;
      backendHandler = null;
    }
    if (dyno != null) {
      pool.end(dyno, app);
      dyno = null;
    }
  }

  private void cancelTimers() {
    Deadlines.unlink(this);
    if (backlogTimer != null) {
      backlogTimer.cancel(false);
      backlogTimer = null;
    }
    if (bootTimer != null) {
      bootTimer.cancel(false);
      bootTimer = null;
    }
  }

  private void log(ProxyError error, String sock) {
    if (app == null) return; // no app, no app log to write to
    long now = System.nanoTime();
    long service = sentNanos == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(now - sentNanos);
    String at = error == null || error.informational() ? "info"
        : error == ProxyError.CLIENT_INTERRUPTED ? "warning" : "error";
    proxy.logs.log(app, new RouterLogLine(at,
        error == null ? null : error.code(), error == null ? null : error.desc(), method, path, host, requestId,
        forwardedFor, dynoName, connectMs, service, status, bytes, proto, sock, Instant.now()));
  }
}
