package dev.hoist.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.uring.IoUring;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SubmitNow reaches into Netty's io_uring handler by name. This fails first when a Netty upgrade
 * renames what it uses (the router would still run, but batch a whole loop turn again); every
 * router IT runs with it on, on io_uring here.
 */
class SubmitNowTest {

  @Test
  void sendsAQueuedWriteBeforeTheLoopTurnEnds() throws Exception {
    assumeTrue(IoUring.isAvailable(), "io_uring does not load on this machine");
    EventLoopGroup group = Transport.choose("io_uring").newGroup(1);
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      EventLoop loop = group.next();
      SubmitNow submitNow = SubmitNow.on(loop);
      assertThat(submitNow.active())
          .as("the pinned Netty's handler has what SubmitNow reflects on")
          .isTrue();
      Channel ch =
          new Bootstrap()
              .group(loop)
              .channel(Transport.choose("io_uring").socketChannel())
              .handler(new ChannelInboundHandlerAdapter())
              .connect(server.getLocalSocketAddress())
              .sync()
              .channel();
      try (Socket peer = server.accept()) {
        peer.setSoTimeout(3000);

        // All on the loop's thread, in one task: without the early submit the write would reach the
        // kernel only after the task, and the read below would time out.
        String got =
            loop.submit(
                    () -> {
                      ch.writeAndFlush(Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII));
                      int submitted = submitNow.run();
                      byte[] in = peer.getInputStream().readNBytes(5);
                      return submitted + " " + new String(in, StandardCharsets.US_ASCII);
                    })
                .get(10, TimeUnit.SECONDS);

        assertThat(got).matches("[1-9][0-9]* hello");
      } finally {
        ch.close().sync();
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }

  @Test
  void isANoOpOnOtherTransportsAndPlainLoops() throws Exception {
    EventLoopGroup nio = Transport.choose("nio").newGroup(1);
    DefaultEventLoop plain = new DefaultEventLoop();
    try {
      SubmitNow onNio = SubmitNow.on(nio.next());
      SubmitNow onPlain = SubmitNow.on(plain);

      assertThat(onNio.active()).isFalse();
      assertThat(onPlain.active()).isFalse();
      assertThat(onNio.run()).isZero();
      assertThat(onPlain.run()).isZero();
    } finally {
      nio.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
      plain.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }
}
