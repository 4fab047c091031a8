package dev.hoist.router.support;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A dyno for tests: a small Netty HTTP server on an ephemeral port that records what reached it and
 * behaves by path. {@code /slow/MS} answers after MS ms; {@code /close} hangs up without a word;
 * {@code /partial} sends headers and 5 of 100000 promised bytes, then hangs up; {@code /silent}
 * sends them and then nothing, keeping the connection; {@code /early} does that as soon as the
 * request's head arrives, before its body; {@code /upload} counts the body and answers with the
 * count; {@code /download/N} streams N bytes (the second half only after {@link #openGate()}),
 * respecting backpressure; {@code /after-gate} answers {@code hello from NAME} only after {@link
 * #openGate()}; {@code /chunked} answers in three chunks; {@code /stall} never reads its body.
 * Anything else gets {@code hello from NAME}.
 */
public final class TestBackend implements AutoCloseable {
  /** A request as it arrived: method, target, headers, and the connection's remote port. */
  public record Seen(String method, String uri, HttpHeaders headers, int remotePort) {}

  public final String name;
  public final List<Seen> seen = new CopyOnWriteArrayList<>();
  public final AtomicInteger connections = new AtomicInteger();
  public final AtomicInteger open = new AtomicInteger();
  public final AtomicLong uploaded = new AtomicLong();
  public final AtomicLong downloaded = new AtomicLong();
  private final CompletableFuture<Void> gate = new CompletableFuture<>();
  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final boolean hangUpAlways;
  private final Channel server;

  private TestBackend(String name, boolean hangUpAlways, boolean websocket)
      throws InterruptedException {
    this.name = name;
    this.hangUpAlways = hangUpAlways;
    this.server =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    connections.incrementAndGet();
                    open.incrementAndGet();
                    ch.closeFuture().addListener(f -> open.decrementAndGet());
                    // Answers Expect: 100-continue as most servers do; the header is kept for the
                    // record as X-Seen-Expect.
                    ch.pipeline()
                        .addLast(
                            new HttpServerCodec(8192, 65536, 65536),
                            new ExpectNoter(),
                            new HttpServerExpectContinueHandler());
                    if (websocket) {
                      ch.pipeline()
                          .addLast(
                              new Recorder(),
                              new HttpObjectAggregator(65536),
                              new WebSocketServerProtocolHandler("/ws"),
                              new Echo());
                    } else {
                      ch.pipeline().addLast(new Behaviour());
                    }
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
  }

  public static TestBackend start(String name) throws InterruptedException {
    return new TestBackend(name, false, false);
  }

  /**
   * A dyno that accepts connections and closes each as soon as a request arrives: one going away.
   */
  public static TestBackend hangingUp(String name) throws InterruptedException {
    return new TestBackend(name, true, false);
  }

  public static TestBackend websocketEcho(String name) throws InterruptedException {
    return new TestBackend(name, false, true);
  }

  public String address() {
    return "127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
  }

  public void openGate() {
    gate.complete(null);
  }

  public int requests() {
    return seen.size();
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private void record(ChannelHandlerContext ctx, HttpRequest r) {
    int port = ((InetSocketAddress) ctx.channel().remoteAddress()).getPort();
    seen.add(new Seen(r.method().name(), r.uri(), r.headers().copy(), port));
  }

  private static final class ExpectNoter extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest r && r.headers().contains("Expect")) {
        r.headers().set("X-Seen-Expect", r.headers().get("Expect"));
      }
      ctx.fireChannelRead(msg);
    }
  }

  private final class Recorder extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest r) record(ctx, r);
      ctx.fireChannelRead(msg);
    }
  }

  private static final class Echo extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
      ctx.writeAndFlush(new TextWebSocketFrame("echo: " + frame.text()));
    }
  }

  /** One per connection; streams, so a 50 MB body never sits in memory here either. */
  private final class Behaviour extends ChannelInboundHandlerAdapter {
    private String path = "/";
    private boolean keepAlive;
    private long body;
    private long toSend;
    private long total;
    private boolean waitingForGate;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest r) {
        record(ctx, r);
        path = r.uri();
        keepAlive = HttpUtil.isKeepAlive(r);
        body = 0;
        if (hangUpAlways || path.equals("/close")) {
          ctx.close();
        } else if (path.equals("/stall")) {
          ctx.channel().config().setAutoRead(false);
        } else if (path.equals("/early")) {
          startThenFallSilent(ctx);
        }
      }
      if (msg instanceof HttpContent c) {
        body += c.content().readableBytes();
        if (path.equals("/upload")) uploaded.addAndGet(c.content().readableBytes());
        if (msg instanceof LastHttpContent && ctx.channel().isActive()) respond(ctx);
      }
      ReferenceCountUtil.release(msg);
    }

    private void respond(ChannelHandlerContext ctx) {
      if (path.startsWith("/slow/")) {
        long ms = Long.parseLong(path.substring(6));
        ctx.executor().schedule(() -> text(ctx, "slept " + ms), ms, TimeUnit.MILLISECONDS);
      } else if (path.equals("/partial")) {
        startThenFallSilent(ctx).addListener(f -> ctx.close());
      } else if (path.equals("/silent")) {
        startThenFallSilent(ctx);
      } else if (path.equals("/early")) {
        // answered when the head came
      } else if (path.equals("/upload")) {
        text(ctx, Long.toString(body));
      } else if (path.equals("/after-gate")) {
        gate.thenRun(() -> ctx.executor().execute(() -> text(ctx, "hello from " + name)));
      } else if (path.startsWith("/download/")) {
        toSend = total = Long.parseLong(path.substring(10));
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, toSend);
        ctx.write(head);
        pump(ctx);
      } else if (path.equals("/chunked")) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        HttpUtil.setTransferEncodingChunked(head, true);
        head.headers()
            .set("Connection", "X-Private")
            .set("X-Private", "hop")
            .set("Keep-Alive", "timeout=5");
        ctx.write(head);
        for (String part : new String[] {"one,", "two,", "three"}) {
          ctx.writeAndFlush(
              new DefaultHttpContent(Unpooled.copiedBuffer(part, StandardCharsets.US_ASCII)));
        }
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
      } else {
        text(ctx, "hello from " + name);
      }
    }

    /**
     * A head and 5 of 100000 promised bytes, then nothing more; the caller decides about the
     * connection.
     */
    private ChannelFuture startThenFallSilent(ChannelHandlerContext ctx) {
      HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      head.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 100_000);
      ctx.write(head);
      return ctx.writeAndFlush(
          new DefaultHttpContent(Unpooled.copiedBuffer("12345", StandardCharsets.US_ASCII)));
    }

    private void pump(ChannelHandlerContext ctx) {
      while (toSend > 0 && ctx.channel().isWritable()) {
        if (toSend <= total / 2 && !gate.isDone()) {
          if (!waitingForGate) {
            waitingForGate = true;
            gate.thenRun(() -> ctx.executor().execute(() -> pump(ctx)));
          }
          ctx.flush();
          return;
        }
        int n = (int) Math.min(64 * 1024, toSend);
        ByteBuf chunk = ctx.alloc().buffer(n).writeZero(n);
        toSend -= n;
        downloaded.addAndGet(n);
        ctx.write(new DefaultHttpContent(chunk));
      }
      if (toSend == 0) ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
      else ctx.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (ctx.channel().isWritable() && toSend > 0) pump(ctx);
    }

    private void text(ChannelHandlerContext ctx, String text) {
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1,
              HttpResponseStatus.OK,
              Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
      response
          .headers()
          .set(HttpHeaderNames.CONTENT_TYPE, "text/plain")
          .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
          .set("X-Dyno", name);
      HttpUtil.setKeepAlive(response, keepAlive);
      ctx.writeAndFlush(response)
          .addListener(
              f -> {
                if (!keepAlive) ctx.close();
              });
    }
  }
}
