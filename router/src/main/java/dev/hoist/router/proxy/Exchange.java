package dev.hoist.router.proxy;

import dev.hoist.router.route.AppRoute;
import dev.hoist.router.route.Dyno;
import dev.hoist.router.route.RouteTable;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import dev.hoist.router.log.RouterLogLine;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One request on its way through the router: choose a dyno, connect, stream the request, stream the
 * response back, log one line. Everything runs on the client channel's event loop, and the dyno
 * connection is on that loop too, so no field here needs a lock.
 *
 * <p>Flow control: request body chunks go to the dyno as they arrive; when the dyno socket's buffer is
 * above its high-water mark we stop reading the client (autoRead off) until it drains. The response
 * runs the same way in the other direction. Before a dyno connection exists, reading stops after the
 * head; the few chunks already decoded wait in {@code pending}. So nothing is ever buffered whole.
 *
 * <p>Retries: a failed connect always moves to another dyno (and quarantines the one that failed). A
 * dyno that closes without a response byte costs the client nothing when the request is idempotent and
 * its body small enough to keep ({@code replay}): it is sent again elsewhere. Otherwise H13.
 */
final class Exchange extends Deadlines.Node {
  private enum State { ROUTING, WAITING, CONNECTING, SENT, RESPONDING, DONE }

  private static final int MAX_ATTEMPTS = 10;
  private static final int MAX_REPLAY_BYTES = 64 * 1024;

  private final Proxy proxy;
  private final FrontendHandler front;
  private final Channel client;
  private final BackendPool pool;
  private final Deadlines deadlines;
  private final HttpRequest request;
  private final String method;
  private final String path;
  private final String host;
  private final String requestId;
  private final String forwardedFor;
  private final boolean head;
  private final boolean upgrade;
  private final boolean clientKeepAlive;
  private final boolean http10;
  private final boolean bodyless;
  private final long startNanos = System.nanoTime();
  private ArrayDeque<HttpContent> pending; // body chunks that arrived before a dyno connection; rare

  private State state = State.ROUTING;
  private String app;
  private boolean replayable;
  private boolean backendDirty;
  private List<HttpContent> replay;
  private int replayBytes;
  private boolean requestComplete;
  private Dyno dyno;
  private String dynoName;
  private Channel backend;
  private BackendHandler backendHandler;
  private boolean reused;
  private boolean freshConnection;
  private int attempts;
  private List<Dyno> tried;
  private ProxyError lastFailure;
  private ScheduledFuture<?> timer;
  private Runnable waiter;
  private ProxyError waitError;
  private long connectMs = -1;
  private long sentNanos;
  private boolean informational;
  private boolean closeAfter;
  private boolean backendKeepAlive;
  private int status;
  private long bytes;

  Exchange(Proxy proxy, FrontendHandler front, Channel client, BackendPool pool, Deadlines deadlines,
      HttpRequest request, String host, String clientIp, String localPort) {
    this.proxy = proxy;
    this.front = front;
    this.client = client;
    this.pool = pool;
    this.deadlines = deadlines;
    this.request = request;
    this.host = host;
    HttpMethod m = request.method();
    this.method = m.name();
    this.head = HttpMethod.HEAD.equals(m);
    this.replayable = head || HttpMethod.GET.equals(m) || HttpMethod.OPTIONS.equals(m);
    this.http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
    this.clientKeepAlive = HttpUtil.isKeepAlive(request);
    this.bodyless = !HttpUtil.isTransferEncodingChunked(request) && HttpUtil.getContentLength(request, 0L) == 0;
    this.upgrade = request.headers().contains(HttpHeaderNames.UPGRADE)
        && request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
    if (HostName.isAbsolute(request.uri())) request.setUri(HostName.originForm(request.uri()));
    this.path = request.uri();
    this.requestId = RequestIds.keepOrCreate(request.headers().get(ForwardedHeaders.X_REQUEST_ID));
    this.forwardedFor = ForwardedHeaders.toDyno(request, requestId, clientIp, localPort, System.currentTimeMillis(),
        upgrade);
  }

  void start() {
    dispatch();
  }

  boolean requestComplete() {
    return requestComplete;
  }

  /**
   * Whether more from the client can be taken now (see the class comment on flow control): not while
   * chunks wait for a dyno connection, nor while the dyno's socket is full. Reading goes on otherwise,
   * even before a dyno is chosen: a bodiless request sends nothing more, so stopping and restarting
   * reads for it would cost two system calls per request for nothing.
   */
  boolean canTakeMore() {
    return (pending == null || pending.isEmpty()) && (backend == null || backend.isWritable());
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
    Dyno next = attempts < MAX_ATTEMPTS ? pool.pick(route, tried, proxy.quarantine) : null;
    if (next != null) connect(next);
    else if (lastFailure != null) fail(lastFailure); // every dyno tried, or out of attempts
    else if (route.anyCrashed()) fail(ProxyError.APP_CRASHED);
    else if (route.anyStarting()) await(table, ProxyError.BOOT_TIMEOUT);
    else fail(ProxyError.NO_DYNOS);
  }

  /** Holds the request until the route table changes, up to {@code boot-wait}; then {@code onTimeout}. */
  private void await(RouteTable seen, ProxyError onTimeout) {
    state = State.WAITING;
    waitError = onTimeout;
    if (timer == null) {
      timer = client.eventLoop().schedule(() -> {
        timer = null;
        if (state == State.WAITING) fail(waitError);
      }, proxy.config.bootWait().toNanos(), TimeUnit.NANOSECONDS);
    }
    if (waiter == null) waiter = () -> client.eventLoop().execute(() -> {
      if (state == State.WAITING) dispatch();
    });
    proxy.routes.onChange(seen, waiter);
  }

  private void connect(Dyno next) {
    cancelTimer();
    attempts++;
    dyno = next;
    dynoName = next.name();
    pool.begin(next);
    state = State.CONNECTING;
    Channel idle = freshConnection ? null : pool.idle(next);
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
      pool.end(target);
      dyno = null;
      proxy.quarantine.add(target.socketAddress());
      tried(target);
      lastFailure = f.cause() instanceof ConnectTimeoutException ? ProxyError.CONNECT_TIMEOUT
          : ProxyError.CONNECT_REFUSED;
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
    ch.write(request, ch.voidPromise());
    if (replay != null) {
      for (HttpContent c : replay) ch.write(c.retainedDuplicate(), ch.voidPromise());
    }
    state = State.SENT;
    HttpContent c;
    while (pending != null && (c = pending.poll()) != null) send(c);
    ch.flush();
    backendDirty = false;
    sentNanos = System.nanoTime();
    deadlines.add(this);
    front.updateReading();
  }

  void onRequestContent(HttpContent c) {
    if (c.decoderResult().isFailure()) { // a bad chunk: the request cannot be finished
      c.release();
      requestComplete = true;
      closeAfter = true;
      if (state == State.RESPONDING) interrupted(ProxyError.BAD_REQUEST, "client");
      else fail(ProxyError.BAD_REQUEST);
      return;
    }
    if (c instanceof LastHttpContent) requestComplete = true;
    switch (state) {
      case SENT, RESPONDING -> send(c);
      case DONE -> c.release();
      default -> {
        if (pending == null) pending = new ArrayDeque<>(4);
        pending.add(c);
        front.updateReading();
      }
    }
  }

  /** Writes a body chunk to the dyno, keeping a copy while the request may still be replayed. */
  private void send(HttpContent c) {
    if (replayable) {
      int size = c.content().readableBytes();
      if (replayBytes + size <= MAX_REPLAY_BYTES) {
        if (replay == null) replay = new ArrayList<>(2);
        replay.add(c);
        replayBytes += size;
        backend.write(c.retainedDuplicate(), backend.voidPromise());
        backendDirty = true;
        return;
      }
      dropReplay();
    }
    backend.write(c, backend.voidPromise());
    backendDirty = true;
  }

  /** After a read of the client socket: one flush for everything it brought. */
  void flushBackend() {
    if (backendDirty && backend != null) {
      backendDirty = false;
      backend.flush();
    }
  }

  void backendWritabilityChanged() {
    front.updateReading();
  }

  // ---- response: dyno → client --------------------------------------------------------------------

  void onResponse(HttpObject msg) {
    if (state != State.SENT && state != State.RESPONDING) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg.decoderResult().isFailure()) {
      ReferenceCountUtil.release(msg);
      detach(false);
      if (state == State.RESPONDING) interrupted(ProxyError.RESPONSE_INTERRUPTED, "backend");
      else fail(ProxyError.BAD_RESPONSE);
      return;
    }
    if (msg instanceof HttpResponse response) {
      onResponseHead(response);
      return;
    }
    HttpContent c = (HttpContent) msg;
    if (informational) { // the end of a 100 Continue or 103: the real response is still to come
      informational = false;
      client.write(c, client.voidPromise());
      return;
    }
    bytes += c.content().readableBytes();
    if (!(c instanceof LastHttpContent)) {
      client.write(c, client.voidPromise());
      if (!client.isWritable()) backend.config().setAutoRead(false);
    } else if (status == 101) {
      client.writeAndFlush(c, client.voidPromise());
      switchProtocols();
    } else {
      finish((LastHttpContent) c);
    }
  }

  private void onResponseHead(HttpResponse response) {
    int code = response.status().code();
    if (code < 200 && code != 101) {
      informational = true;
      ForwardedHeaders.toClient(response, true, http10, false);
      client.write(response, client.voidPromise());
      return;
    }
    cancelTimer();
    if (code == 101 && !upgrade) { // a switch nobody asked for: the dyno is confused
      detach(false);
      fail(ProxyError.BAD_RESPONSE);
      return;
    }
    dropReplay(); // the dyno has answered: this request will not be sent again
    state = State.RESPONDING;
    status = code;
    backendKeepAlive = HttpUtil.isKeepAlive(response);
    closeAfter |= ForwardedHeaders.toClient(response, clientKeepAlive, http10, head);
    client.write(response, client.voidPromise());
  }

  void flushClient() {
    client.flush();
  }

  void clientWritabilityChanged() {
    if (state == State.RESPONDING && client.isWritable()) backend.config().setAutoRead(true);
  }

  private void finish(LastHttpContent last) {
    state = State.DONE;
    boolean keepClient = !closeAfter && requestComplete;
    if (keepClient) client.writeAndFlush(last, client.voidPromise());
    else client.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
    log(null, null);
    detach(requestComplete && backendKeepAlive);
    front.exchangeDone(this, keepClient);
  }

  private void switchProtocols() {
    state = State.DONE;
    log(null, null);
    Channel b = backend;
    backendHandler.detach();
    backend = null;
    pool.end(dyno);
    dyno = null;
    releaseBuffers();
    front.tunnel(b);
  }

  // ---- failures ---------------------------------------------------------------------------------------

  void onBackendClosed() {
    if (state == State.SENT) {
      Dyno lost = dyno;
      boolean wasReused = reused;
      detach(false);
      if (!wasReused) { // a fresh connection closed unanswered: that dyno is going away
        tried(lost);
        proxy.quarantine.add(lost.socketAddress());
      }
      lastFailure = ProxyError.CONNECTION_CLOSED;
      freshConnection = wasReused; // a stale pooled connection says nothing about the dyno
      if (replayable) dispatch(); // everything sent so far is in replay: send it again elsewhere
      else fail(ProxyError.CONNECTION_CLOSED);
    } else if (state == State.RESPONDING) {
      detach(false);
      interrupted(ProxyError.RESPONSE_INTERRUPTED, "backend");
    }
  }

  @Override
  void expired() { // the first-byte deadline passed
    if (state != State.SENT) return;
    detach(false);
    fail(ProxyError.REQUEST_TIMEOUT);
  }

  void onClientClosed() {
    if (state == State.DONE) return;
    detach(false);
    if (waiter != null) proxy.routes.cancel(waiter);
    state = State.DONE;
    status = ProxyError.CLIENT_INTERRUPTED.status();
    log(ProxyError.CLIENT_INTERRUPTED, "client");
    releaseBuffers();
  }

  /** An answer from the router itself; the response has not started, so a status can still say it. */
  private void fail(ProxyError error) {
    if (state == State.DONE) return;
    detach(false);
    if (waiter != null) proxy.routes.cancel(waiter);
    state = State.DONE;
    status = error.status();
    // A body the dyno never saw must not be read as the next request: close unless there was none.
    boolean keepClient = (requestComplete || bodyless) && clientKeepAlive && !closeAfter;
    ErrorPage.write(client, error, head, keepClient, requestId);
    if (error.code() != null) log(error, null);
    releaseBuffers();
    front.exchangeDone(this, keepClient);
  }

  /** The response has started, so no status can tell the client: reset the connection instead. */
  private void interrupted(ProxyError error, String sock) {
    state = State.DONE;
    detach(false);
    log(error, sock);
    releaseBuffers();
    front.exchangeDone(this, false);
    client.config().setOption(ChannelOption.SO_LINGER, 0); // close() now sends RST, not FIN
    client.close();
  }

  // ---- bookkeeping ------------------------------------------------------------------------------------

  /** Lets go of the dyno connection: back to the pool when it is clean, else closed by the caller. */
  private void detach(boolean reuse) {
    cancelTimer();
    if (backend != null) {
      backendHandler.detach();
      if (reuse) {
        backend.config().setAutoRead(true);
        pool.release(dyno, backend);
      } else if (backend.isActive()) {
        backend.close();
      }
      backend = null;
      backendHandler = null;
    }
    if (dyno != null) {
      pool.end(dyno);
      dyno = null;
    }
  }

  private void tried(Dyno d) {
    if (tried == null) tried = new ArrayList<>(2);
    tried.add(d);
  }

  private void cancelTimer() {
    deadlines.remove(this);
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  private void dropReplay() {
    replayable = false;
    if (replay != null) {
      for (HttpContent c : replay) c.release();
      replay = null;
    }
  }

  private void releaseBuffers() {
    dropReplay();
    HttpContent c;
    while (pending != null && (c = pending.poll()) != null) c.release();
  }

  private void log(ProxyError error, String sock) {
    if (app == null) return; // no app, no app log to write to
    long now = System.nanoTime();
    long service = sentNanos == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(now - sentNanos);
    String at = error == null ? "info" : error == ProxyError.CLIENT_INTERRUPTED ? "warning" : "error";
    proxy.logs.log(app, Instant.now(), RouterLogLine.format(at,
        error == null ? null : error.code(), error == null ? null : error.desc(), method, path, host, requestId,
        forwardedFor, dynoName, connectMs, service, status, bytes, sock));
  }
}
