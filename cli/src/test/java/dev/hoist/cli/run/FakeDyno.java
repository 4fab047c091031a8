package dev.hoist.cli.run;

import dev.hoist.internal.attach.AttachProtocol;
import dev.hoist.internal.attach.AttachProtocol.Frame;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the dyno manager's attach port: accepts one connection on an ephemeral loopback
 * port, reads the handshake line, then lets the test's {@link Script} speak frames ({@link
 * AttachProtocol}).
 */
final class FakeDyno implements AutoCloseable {

  /** What the fake dyno does once the client has sent its handshake. */
  interface Script {
    void play(DataInputStream in, DataOutputStream out) throws IOException;
  }

  private final ServerSocket server;
  private final CompletableFuture<String> handshake = new CompletableFuture<>();
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  FakeDyno(Script script) {
    try {
      server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread thread =
        new Thread(
            () -> {
              try (Socket socket = server.accept()) {
                DataInputStream in =
                    new DataInputStream(new BufferedInputStream(socket.getInputStream()));
                handshake.complete(AttachProtocol.readHello(in));
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                script.play(in, out);
                out.flush();
                // Like a well-behaved server: end our side, then read what the client still sends
                // until it
                // closes, so closing never resets the connection under data the client has yet to
                // read.
                socket.shutdownOutput();
                socket.setSoTimeout(10_000);
                in.transferTo(OutputStream.nullOutputStream());
                done.complete(null);
              } catch (Throwable e) {
                handshake.completeExceptionally(e);
                done.completeExceptionally(e);
              }
            },
            "fake-dyno");
    thread.setDaemon(true);
    thread.start();
  }

  String attachUrl(String token) {
    return "tcp://127.0.0.1:" + server.getLocalPort() + "/" + token;
  }

  /** The handshake line the client sent, without its newline. */
  String handshake() throws Exception {
    return handshake.get(10, TimeUnit.SECONDS);
  }

  /** Waits for the script to finish, rethrowing what went wrong in it. */
  void awaitScript() throws Exception {
    done.get(10, TimeUnit.SECONDS);
  }

  static Frame read(DataInputStream in) throws IOException {
    return AttachProtocol.read(in);
  }

  static void send(DataOutputStream out, int type, String payload) throws IOException {
    AttachProtocol.write(out, type, payload);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
