package dev.hoist.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.uring.IoUring;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SubmitNow reaches into Netty's io_uring handler by name. This fails first when a Netty upgrade renames
 * what it uses (the router would still run, but batch a whole loop turn again); every router IT runs with
 * it on, on io_uring here.
 */
class SubmitNowTest {

  @Test
  void findsTheSubmitOfAnIoUringLoopAndRunsItOnTheLoop() throws Exception {
    assumeTrue(IoUring.isAvailable(), "io_uring does not load on this machine");
    EventLoopGroup group = Transport.choose("io_uring").newGroup(1);
    try {
      EventLoop loop = group.next();
      SubmitNow submitNow = SubmitNow.on(loop);

      assertThat(submitNow.active()).as("the pinned Netty's handler has what SubmitNow reflects on").isTrue();
      loop.submit(submitNow::run).get(10, TimeUnit.SECONDS); // nothing queued: returns without a system call
      loop.submit(submitNow::run).get(10, TimeUnit.SECONDS);
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
      onNio.run();
      onPlain.run();
    } finally {
      nio.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
      plain.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }
}
