package dev.hoist.router.proxy;

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
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Epoll when its native library loads (fewer copies and syscalls than NIO), NIO otherwise. Client and
 * dyno channels share one group, so a request's two connections live on one event loop and never need
 * a lock between them.
 *
 * <p>The native library ships in {@code netty-transport-native-epoll} (classifier {@code linux-x86_64}),
 * which this module does not depend on: Maven Central has no such jar for the Netty version the
 * platform pins (reference/toolchain.md), and one from another version loads but lacks functions the
 * classes call. Put a matching one on the class path and the router uses it.
 */
public record Transport(String name, IoHandlerFactory handlers, Class<? extends ServerChannel> serverChannel,
    Class<? extends SocketChannel> socketChannel) {

  public static Transport choose(boolean preferEpoll) {
    if (preferEpoll && Epoll.isAvailable() && nativeMatches()) {
      return new Transport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class,
          EpollSocketChannel.class);
    }
    return new Transport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class, NioSocketChannel.class);
  }

  /** A native library of another Netty version passes {@link Epoll#isAvailable()}, then fails here. */
  private static boolean nativeMatches() {
    try {
      Class.forName("io.netty.channel.unix.Errors", true, Transport.class.getClassLoader());
      return true;
    } catch (Throwable e) {
      return false;
    }
  }

  public EventLoopGroup newGroup(int threads) {
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("hoist-router", true), handlers);
  }
}
