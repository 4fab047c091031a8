package dev.hoist.dynos.attach;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The attach protocol's frames (docs/internal-api.md): 1 byte type, 4 bytes big-endian length, payload. */
final class Frames {
  // client to dyno
  static final int STDIN = 0;
  static final int STDIN_CLOSED = 1;
  static final int RESIZE = 2;
  // dyno to client
  static final int STDOUT = 1;
  static final int STDERR = 2;
  static final int EXIT = 3;
  static final int ERROR = 4;

  static final int MAX_PAYLOAD = 1 << 20;

  record Frame(int type, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.US_ASCII);
    }
  }

  private Frames() {}

  /** The next frame; null at a clean end of stream. */
  static Frame read(DataInputStream in) throws IOException {
    int type = in.read();
    if (type < 0) return null;
    int length = in.readInt();
    if (length < 0 || length > MAX_PAYLOAD) throw new IOException("frame of " + length + " bytes");
    byte[] payload = new byte[length];
    in.readFully(payload);
    return new Frame(type, payload);
  }

  static void write(DataOutputStream out, int type, byte[] bytes, int offset, int length) throws IOException {
    out.write(type);
    out.writeInt(length);
    out.write(bytes, offset, length);
    out.flush();
  }

  static void write(DataOutputStream out, int type, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    write(out, type, b, 0, b.length);
  }

  /** Reads the opening line, at most {@code max} bytes, up to its {@code \n}. */
  static String line(DataInputStream in, int max) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) throw new EOFException("connection closed before the HOIST-ATTACH line");
      if (sb.length() >= max) throw new IOException("HOIST-ATTACH line too long");
      sb.append((char) c);
    }
    return sb.toString().strip();
  }
}
