package dev.hoist.dynos.attach;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP server behind {@code attach_url} ({@code tcp://HOST:PORT/TOKEN}): one thread accepts, and
 * each client runs as an {@link AttachSession} on the worker pool. Logs the address it actually
 * bound.
 */
public final class AttachServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AttachServer.class);

  private final ServerSocket server;
  private final AttachTarget target;
  private final ExecutorService pool;
  private final Thread acceptor;
  private volatile boolean closed;

  public AttachServer(String bind, int port, AttachTarget target, ExecutorService pool)
      throws IOException {
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(bind, port), 64);
    this.target = target;
    this.pool = pool;
    this.acceptor = new Thread(this::accept, "dynos-attach-accept");
    acceptor.setDaemon(true);
    log.info("attach server listening on {}", server.getLocalSocketAddress());
  }

  public AttachServer start() {
    acceptor.start();
    return this;
  }

  public int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        pool.execute(new AttachSession(client, target, pool));
      } catch (IOException e) {
        if (!closed) log.warn("attach server: {}", e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
