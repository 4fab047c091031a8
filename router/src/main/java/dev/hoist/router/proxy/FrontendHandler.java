package dev.hoist.router.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;

/**
 * The last handler of a client connection. One {@link Exchange} runs at a time; a request the
 * client pipelines behind it waits here ({@code pipelined}; reading stops as soon as anything lands
 * there, so it holds at most what one socket read decoded). Not to be confused with an app's
 * backlog ({@link Backlogs}), where requests wait for a place at a dyno. Malformed requests are
 * answered here, before an exchange exists, and end the connection: after a framing error nothing
 * later on it can be trusted. Between requests the connection sits on its loop's idle list and is
 * closed after {@code idle-timeout}.
 *
 * <p>While the router drains ({@link Proxy#drain}), a connection that has been answered and waits
 * for its next request closes at once; one with a request under way closes after its response,
 * which says {@code Connection: close}; one that has not sent its first request yet (accepted just
 * before the listening socket closed) gets that request answered the same way. A client whose next
 * request crosses the close sees its kept-alive connection end before any byte of an answer, which
 * HTTP lets it retry on a new connection (RFC 9112 §9.3.1), and that one goes to a router still
 * listening.
 */
final class FrontendHandler extends ChannelInboundHandlerAdapter {
  private final Proxy proxy;
  private Channel client;
  private Proxy.Loop loop;
  private final Deadlines.Node idleMark =
      new Deadlines.Node() {
        @Override
        void expired() { // no request for idle-timeout: a keep-alive connection nobody uses
          client.close();
        }
      };
  private String clientIp;
  private String localPort;
  private boolean trustedPeer;
  private Exchange current;
  private ArrayDeque<Object> pipelined;
  private boolean broken;

  /** A response has gone out and the connection was kept for the next request. */
  private boolean answered;

  FrontendHandler(Proxy proxy) {
    this.proxy = proxy;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    client = ctx.channel();
    loop = proxy.loop(client.eventLoop());
    loop.idle().add(idleMark);
    InetSocketAddress remote = (InetSocketAddress) client.remoteAddress();
    clientIp = remote == null ? "" : remote.getAddress().getHostAddress();
    trustedPeer = remote != null && proxy.config.trustedProxies().trusts(remote.getAddress());
    InetSocketAddress local = (InetSocketAddress) client.localAddress();
    localPort = local == null ? "" : Integer.toString(local.getPort());
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    handle(msg);
  }

  private void handle(Object msg) {
    if (broken) {
      ReferenceCountUtil.release(msg);
    } else if (current != null) {
      if (msg instanceof HttpContent
          && !(msg instanceof HttpRequest)
          && !current.requestComplete()) {
        current.onRequestContent((HttpContent) msg);
      } else { // the next request, pipelined: it waits, and reading stops until this exchange ends
        if (pipelined == null) pipelined = new ArrayDeque<>(4);
        pipelined.add(msg);
        updateReading();
      }
    } else if (msg instanceof HttpRequest) {
      start((HttpRequest) msg);
    } else {
      ReferenceCountUtil.release(msg); // the rest of a request already answered
    }
  }

  private void start(HttpRequest request) {
    loop.idle().remove(idleMark);
    ProxyError error = RequestChecks.check(request);
    String host = error == null ? HostName.of(request) : null;
    if (error == null && host == null) error = ProxyError.BAD_HOST;
    if (error != null) {
      broken = true;
      ReferenceCountUtil.release(request); // an invalid request is a FullHttpRequest
      ErrorPage.write(client, error, HttpMethod.HEAD.equals(request.method()), false, null);
      updateReading();
      return;
    }
    current =
        new Exchange(
            proxy,
            loop,
            this,
            client,
            RequestFacts.of(request, host, clientIp, localPort, trustedPeer));
    current.dispatch();
  }

  /**
   * Called by the exchange when it has answered; the connection stays open only if {@code
   * keepAlive}.
   */
  void exchangeDone(Exchange x, boolean keepAlive) {
    if (current != x) return;
    current = null;
    if (!keepAlive) {
      broken = true;
      releasePipelined();
      updateReading();
      return;
    }
    answered = true;
    ArrayDeque<Object> waiting = pipelined;
    pipelined = null;
    Object msg;
    while (waiting != null && (msg = waiting.poll()) != null) handle(msg);
    if (current == null && !broken && proxy.draining()) {
      // Its response went out before the drain began and promised to keep the connection.
      closeAfterWrites();
      return;
    }
    if (current == null) loop.idle().add(idleMark);
    updateReading();
  }

  /**
   * The router drains: a connection waiting for its next request closes now (the rest close after
   * their response, see the class comment). Called on this connection's event loop, possibly more
   * than once.
   */
  void drain() {
    if (answered && current == null && !broken) closeAfterWrites();
  }

  /** Closes once what has been written is on its way: a response may still sit in the buffer. */
  private void closeAfterWrites() {
    broken = true;
    loop.idle().remove(idleMark);
    releasePipelined();
    updateReading();
    client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
  }

  /**
   * Reads from the client only while someone can take what arrives. Called whenever that may have
   * changed; it touches the channel only when the answer does, since each change is a system call.
   */
  void updateReading() {
    boolean want =
        !broken
            && (pipelined == null || pipelined.isEmpty())
            && (current == null || current.canTakeMore());
    if (client.config().isAutoRead() != want) client.config().setAutoRead(want);
  }

  void tunnel(Channel backend) {
    current = null;
    releasePipelined();
    Splice.join(client, backend, loop.idle());
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (current != null) current.flushBackend();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (current != null) current.clientWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    Exchange x = current;
    current = null;
    broken = true;
    if (x != null) x.onClientClosed();
    if (loop != null) loop.idle().remove(idleMark);
    releasePipelined();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close(); // a reset by the client, mostly; channelInactive does the accounting
  }

  private void releasePipelined() {
    if (pipelined == null) return;
    Object msg;
    while ((msg = pipelined.poll()) != null) ReferenceCountUtil.release(msg);
    pipelined = null;
  }
}
