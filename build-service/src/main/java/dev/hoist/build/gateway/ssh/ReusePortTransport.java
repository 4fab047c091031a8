package dev.hoist.build.gateway.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.PropertyResolver;
import org.apache.sshd.common.io.AbstractIoServiceFactory;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoServiceFactory;
import org.apache.sshd.common.io.IoServiceFactoryFactory;
import org.apache.sshd.common.io.nio2.Nio2Acceptor;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.common.util.threads.ThreadUtils;

/**
 * MINA's NIO2 transport with {@code SO_REUSEPORT} on the listening socket, so an old and a new
 * gateway (a deploy) or two of them (a scale) listen on one port together and the kernel spreads
 * new connections between them. MINA sets only its own list of socket options and keeps its channel
 * group private, so the acceptor here runs on a channel group of its own over MINA's I/O workers.
 */
final class ReusePortTransport extends Nio2ServiceFactory {
  private final AsynchronousChannelGroup group;
  private final CloseableExecutorService resuming;

  private ReusePortTransport(FactoryManager manager, CloseableExecutorService resuming) {
    super(manager, null, resuming);
    this.resuming = resuming;
    try {
      this.group =
          AsynchronousChannelGroup.withThreadPool(ThreadUtils.noClose(getExecutorService()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** For {@code SshServer.setIoServiceFactoryFactory}. */
  static IoServiceFactoryFactory factory() {
    return new Nio2ServiceFactoryFactory() {
      @Override
      public IoServiceFactory create(FactoryManager manager) {
        return new ReusePortTransport(
            manager,
            ThreadUtils.newFixedThreadPool(
                manager + "-nio2-resume", AbstractIoServiceFactory.getNioWorkers(manager)));
      }
    };
  }

  @Override
  public IoAcceptor createAcceptor(IoHandler handler) {
    return autowireCreatedService(
        new ReusePortAcceptor(this, getFactoryManager(), handler, group, resuming));
  }

  @Override
  protected void doCloseImmediately() {
    try {
      group.shutdownNow();
    } catch (IOException e) {
      log.warn("could not stop the SSH listener's channel group", e);
    } finally {
      super.doCloseImmediately();
    }
  }

  private static final class ReusePortAcceptor extends Nio2Acceptor {
    ReusePortAcceptor(
        Nio2ServiceFactory factory,
        PropertyResolver properties,
        IoHandler handler,
        AsynchronousChannelGroup group,
        ExecutorService resuming) {
      super(factory, properties, handler, group, resuming);
    }

    @Override
    protected AsynchronousServerSocketChannel openAsynchronousServerSocketChannel(
        SocketAddress address, AsynchronousChannelGroup group) throws IOException {
      AsynchronousServerSocketChannel channel =
          super.openAsynchronousServerSocketChannel(address, group);
      // Where the OS has no such option, a second gateway on the port fails to bind, saying so.
      if (channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
        channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
      }
      return channel;
    }
  }
}
