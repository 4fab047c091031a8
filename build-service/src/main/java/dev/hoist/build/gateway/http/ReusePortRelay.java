package dev.hoist.build.gateway.http;

import dev.hoist.build.gateway.Connections;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The smart-HTTP door's public port. An old and a new gateway (a deploy) or two of them (a scale)
 * must listen on one port together ({@code SO_REUSEPORT}), and the JDK's HTTP server binds its
 * socket itself without that option. So the server listens on a loopback port of its own, and this
 * relay takes the public one and copies each connection's bytes both ways, unchanged, without a
 * thread per connection. Closing the listener ({@link #stopAccepting}) leaves the connections
 * already relayed to finish; each counts in {@link Connections} until both of its ends closed. At
 * most {@code maxOpen} are relayed at once; the next wait in the listen backlog until one closes.
 */
final class ReusePortRelay implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReusePortRelay.class);
  private static final int BUFFER_BYTES = 32 * 1024;

  private final AsynchronousChannelGroup group;
  private final AsynchronousServerSocketChannel listener;
  private final InetSocketAddress address;
  private final InetSocketAddress target;
  private final Connections connections;
  private final int maxOpen;
  private final Set<Pair> pairs = ConcurrentHashMap.newKeySet();

  /** No accept is pending because {@code maxOpen} are relayed; guarded by this. */
  private boolean paused;

  private ReusePortRelay(
      AsynchronousChannelGroup group,
      AsynchronousServerSocketChannel listener,
      InetSocketAddress target,
      Connections connections,
      int maxOpen)
      throws IOException {
    this.group = group;
    this.listener = listener;
    this.address = (InetSocketAddress) listener.getLocalAddress();
    this.target = target;
    this.connections = connections;
    this.maxOpen = maxOpen;
  }

  /** Listens on {@code bind}, relaying to {@code target}, once it returns. */
  static ReusePortRelay start(
      InetSocketAddress bind,
      int backlog,
      InetSocketAddress target,
      Connections connections,
      int maxOpen)
      throws IOException {
    AsynchronousChannelGroup group =
        AsynchronousChannelGroup.withFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "git-http-relay");
              t.setDaemon(true);
              return t;
            });
    try {
      AsynchronousServerSocketChannel listener = AsynchronousServerSocketChannel.open(group);
      if (listener.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
        listener.setOption(StandardSocketOptions.SO_REUSEPORT, true);
      }
      listener.bind(bind, backlog);
      ReusePortRelay relay = new ReusePortRelay(group, listener, target, connections, maxOpen);
      relay.acceptNext();
      return relay;
    } catch (IOException | RuntimeException e) {
      group.shutdownNow();
      throw e;
    }
  }

  /** The address bound, even once it stopped accepting. */
  InetSocketAddress address() {
    return address;
  }

  /** New connections go to the other gateways on the port; those already here go on. */
  void stopAccepting() {
    try {
      listener.close();
    } catch (IOException e) {
      log.warn("could not close the HTTP listener", e);
    }
  }

  @Override
  public void close() {
    stopAccepting();
    for (Pair pair : pairs) pair.close();
    try {
      group.shutdownNow();
    } catch (IOException e) {
      log.warn("could not stop the HTTP relay's threads", e);
    }
  }

  private void acceptNext() {
    try {
      listener.accept(
          null,
          new CompletionHandler<AsynchronousSocketChannel, Void>() {
            @Override
            public void completed(AsynchronousSocketChannel client, Void nothing) {
              connections.opened();
              relay(client);
              if (roomForMore()) acceptNext();
            }

            @Override
            public void failed(Throwable e, Void nothing) {
              if (!listener.isOpen()) return;
              log.warn("could not accept an HTTP connection", e);
              acceptNext();
            }
          });
    } catch (RuntimeException closedMeanwhile) {
      // stopAccepting or close ran: nothing more to accept
    }
  }

  /** False, and paused, when {@code maxOpen} are relayed: the next close resumes accepting. */
  private synchronized boolean roomForMore() {
    paused = pairs.size() >= maxOpen;
    return !paused;
  }

  private void resumeIfPaused() {
    synchronized (this) {
      if (!paused) return;
      paused = false;
    }
    acceptNext();
  }

  private void relay(AsynchronousSocketChannel client) {
    Pair pair = new Pair(client);
    pairs.add(pair);
    try {
      AsynchronousSocketChannel server = AsynchronousSocketChannel.open(group);
      pair.server = server;
      client.setOption(StandardSocketOptions.TCP_NODELAY, true);
      server.setOption(StandardSocketOptions.TCP_NODELAY, true);
      server.connect(
          target,
          null,
          new CompletionHandler<Void, Void>() {
            @Override
            public void completed(Void result, Void nothing) {
              new Pump(client, server, pair).readNext();
              new Pump(server, client, pair).readNext();
            }

            @Override
            public void failed(Throwable e, Void nothing) {
              log.warn("could not reach the gateway's own HTTP server at {}", target, e);
              pair.close();
            }
          });
    } catch (IOException | RuntimeException e) {
      log.warn("could not relay an HTTP connection", e);
      pair.close();
    }
  }

  /** A client's connection and ours to the server: closed together, counted once. */
  private final class Pair {
    private final AsynchronousSocketChannel client;
    private volatile AsynchronousSocketChannel server;
    private int ended;
    private boolean closed;

    Pair(AsynchronousSocketChannel client) {
      this.client = client;
    }

    /**
     * One side has no more to send: the other learns it (a half close) and may still answer; once
     * both are done, both close.
     */
    void ended(AsynchronousSocketChannel writeSide) {
      try {
        writeSide.shutdownOutput();
      } catch (IOException e) {
        close();
        return;
      }
      synchronized (this) {
        if (++ended < 2) return;
      }
      close();
    }

    void close() {
      synchronized (this) {
        if (closed) return;
        closed = true;
      }
      quietly(client);
      quietly(server);
      pairs.remove(this);
      connections.closed();
      resumeIfPaused();
    }
  }

  private static void quietly(AsynchronousSocketChannel channel) {
    if (channel == null) return;
    try {
      channel.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /**
   * Copies one direction: read, write it all, read again. The next read starts only when the write
   * is done, so a slow reader slows the writer down instead of filling memory.
   */
  private static final class Pump implements CompletionHandler<Integer, Boolean> {
    private static final boolean READ = true;
    private static final boolean WRITE = false;

    private final AsynchronousSocketChannel from;
    private final AsynchronousSocketChannel to;
    private final Pair pair;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);

    Pump(AsynchronousSocketChannel from, AsynchronousSocketChannel to, Pair pair) {
      this.from = from;
      this.to = to;
      this.pair = pair;
    }

    void readNext() {
      buffer.clear();
      from.read(buffer, READ, this);
    }

    @Override
    public void completed(Integer bytes, Boolean reading) {
      if (reading) {
        if (bytes < 0) {
          pair.ended(to);
          return;
        }
        buffer.flip();
      }
      if (buffer.hasRemaining()) {
        to.write(buffer, WRITE, this);
      } else {
        readNext();
      }
    }

    @Override
    public void failed(Throwable e, Boolean reading) {
      pair.close();
    }
  }
}
