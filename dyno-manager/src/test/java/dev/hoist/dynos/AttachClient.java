package dev.hoist.dynos;

import dev.hoist.internal.attach.AttachProtocol;
import dev.hoist.internal.attach.AttachProtocol.Frame;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The client side of the attach protocol, as the CLI speaks it ({@link AttachProtocol}, which also
 * refuses a frame over its limit), recording what comes back.
 */
final class AttachClient implements AutoCloseable {
  final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  String exit;
  String error;
  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  AttachClient(int port, String token, boolean tty, int cols, int rows) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(30_000);
    in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    out = new DataOutputStream(socket.getOutputStream());
    out.write(AttachProtocol.hello(token, tty, cols, rows).getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  void send(int type, String payload) throws IOException {
    AttachProtocol.write(out, type, payload);
  }

  /** Reads frames until the exit status or an error arrives, or the server closes. */
  AttachClient readToEnd() throws IOException {
    while (exit == null && error == null) {
      Frame f = AttachProtocol.read(in);
      if (f == null) throw new EOFException("closed without an exit frame");
      switch (f.type()) {
        case AttachProtocol.STDOUT -> stdout.write(f.payload());
        case AttachProtocol.STDERR -> stderr.write(f.payload());
        case AttachProtocol.EXIT -> exit = f.text();
        case AttachProtocol.ERROR -> error = f.text();
        default -> throw new IOException("unknown frame " + f.type());
      }
    }
    return this;
  }

  String out() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return stderr.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
