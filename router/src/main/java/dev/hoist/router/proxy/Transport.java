package dev.hoist.router.proxy;

import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.UnixChannelOption;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.StandardSocketOptions;
import java.util.List;

/**
 * How the event loops talk to the kernel. Client and dyno channels share one group, so a request's
 * two connections live on one event loop and never need a lock between them.
 *
 * <p>{@code auto} takes the first that works here: io_uring (many reads and writes go to the kernel
 * in one system call instead of one each, see {@link SubmitNow}: the least CPU per request and the
 * most requests/s of the three on the router benchmark, docs/benchmarks.md), then epoll, then the
 * JDK's NIO, which runs anywhere. The native two need Linux on x86-64 and a kernel and container
 * policy that allow them (Docker's default seccomp profile refuses io_uring since Docker 25); when
 * one does not load, the next is used, and the startup line says which. Naming one that cannot load
 * stops the router with the reason, rather than running on something else than asked.
 *
 * <p>{@code reusePort} is how each one spells SO_REUSEPORT for the listening socket: the native two
 * set it themselves, NIO through the JDK's socket option (Linux and the BSDs have it).
 */
public record Transport(
    String name,
    IoHandlerFactory handlers,
    Class<? extends ServerChannel> serverChannel,
    Class<? extends SocketChannel> socketChannel,
    ChannelOption<Boolean> reusePort) {

  /** The values of {@code hoist.router.transport}. */
  public static final List<String> NAMES = List.of("auto", "io_uring", "epoll", "nio");

  public static Transport choose(String wanted) {
    switch (wanted) {
      case "auto":
        if (IoUring.isAvailable()) return ioUring();
        if (Epoll.isAvailable()) return epoll();
        return nio();
      case "io_uring":
        if (!IoUring.isAvailable()) throw unavailable(wanted, IoUring.unavailabilityCause());
        return ioUring();
      case "epoll":
        if (!Epoll.isAvailable()) throw unavailable(wanted, Epoll.unavailabilityCause());
        return epoll();
      case "nio":
        return nio();
      default:
        throw new IllegalArgumentException(
            "hoist.router.transport must be one of " + NAMES + ", not " + wanted);
    }
  }

  private static Transport ioUring() {
    return new Transport(
        "io_uring",
        IoUringIoHandler.newFactory(),
        IoUringServerSocketChannel.class,
        IoUringSocketChannel.class,
        UnixChannelOption.SO_REUSEPORT);
  }

  private static Transport epoll() {
    return new Transport(
        "epoll",
        EpollIoHandler.newFactory(),
        EpollServerSocketChannel.class,
        EpollSocketChannel.class,
        UnixChannelOption.SO_REUSEPORT);
  }

  private static Transport nio() {
    return new Transport(
        "nio",
        NioIoHandler.newFactory(),
        NioServerSocketChannel.class,
        NioSocketChannel.class,
        NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT));
  }

  private static IllegalStateException unavailable(String name, Throwable cause) {
    return new IllegalStateException(
        "hoist.router.transport=" + name + " cannot load here: " + cause, cause);
  }

  public EventLoopGroup newGroup(int threads) {
    return new MultiThreadIoEventLoopGroup(
        threads, new DefaultThreadFactory("hoist-router", true), handlers);
  }
}
