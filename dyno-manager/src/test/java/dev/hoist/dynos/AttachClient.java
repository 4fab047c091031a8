package dev.hoist.dynos;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The client side of the attach protocol, as the CLI speaks it, recording what comes back. */
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
    out.write(("HOIST-ATTACH " + token + " " + (tty ? 1 : 0) + " " + cols + " " + rows + "\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  void send(int type, String payload) throws IOException {
    byte[] b = payload.getBytes(StandardCharsets.UTF_8);
    out.write(type);
    out.writeInt(b.length);
    out.write(b);
    out.flush();
  }

  /** Reads frames until the exit status or an error arrives, or the server closes. */
  AttachClient readToEnd() throws IOException {
    while (exit == null && error == null) {
      int type = in.read();
      if (type < 0) throw new EOFException("closed without an exit frame");
      byte[] payload = new byte[in.readInt()];
      in.readFully(payload);
      switch (type) {
        case 1 -> stdout.write(payload);
        case 2 -> stderr.write(payload);
        case 3 -> exit = new String(payload, StandardCharsets.US_ASCII);
        case 4 -> error = new String(payload, StandardCharsets.UTF_8);
        default -> throw new IOException("unknown frame " + type);
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
