package dev.hoist.internal.attach;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The attach protocol of {@code hoist run} (docs/internal-api.md, "Attaching to a one-off dyno"),
 * one definition for both ends, the CLI and the dyno manager. The client opens with one line,
 * {@code HOIST-ATTACH <token> <tty 0|1> <cols> <rows>}; then both sides send frames: 1 byte type, 4
 * bytes big-endian length, payload. Types are numbered per direction, so 1 and 2 mean different
 * things each way.
 */
public final class AttachProtocol {
  /** The opening line's first word. */
  public static final String HELLO = "HOIST-ATTACH";

  /** The opening line is refused past this many bytes. */
  public static final int MAX_HELLO = 512;

  /**
   * The largest payload either side accepts. Senders write what one read gave them (a few KiB of a
   * terminal's output or keystrokes), so a larger frame is a broken or hostile peer, not data.
   */
  public static final int MAX_PAYLOAD = 1 << 20;

  // client to dyno
  public static final int STDIN = 0;
  public static final int STDIN_CLOSED = 1;
  public static final int RESIZE = 2;
  // dyno to client
  public static final int STDOUT = 1;
  public static final int STDERR = 2;
  public static final int EXIT = 3;
  public static final int ERROR = 4;

  /** One frame as read. */
  public record Frame(int type, byte[] payload) {
    /** The payload as ASCII/UTF-8 text: exit statuses, sizes, error messages. */
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private AttachProtocol() {}

  /** The opening line, with its newline. */
  public static String hello(String token, boolean tty, int cols, int rows) {
    return HELLO + " " + token + " " + (tty ? 1 : 0) + " " + cols + " " + rows + "\n";
  }

  /**
   * The next frame; null at a clean end of stream. @throws IOException on a frame over {@link
   * #MAX_PAYLOAD}
   */
  public static Frame read(DataInputStream in) throws IOException {
    int type = in.read();
    if (type < 0) return null;
    int length = in.readInt();
    if (length < 0 || length > MAX_PAYLOAD)
      throw new IOException("attach frame of " + length + " bytes");
    byte[] payload = new byte[length];
    in.readFully(payload);
    return new Frame(type, payload);
  }

  /**
   * Writes one frame and flushes it: frames carry keystrokes and output that must not wait.
   *
   * @throws IllegalArgumentException for more than {@link #MAX_PAYLOAD} bytes: split them first
   */
  public static void write(DataOutputStream out, int type, byte[] bytes, int offset, int length)
      throws IOException {
    if (length < 0 || length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("an attach frame holds at most " + MAX_PAYLOAD + " bytes");
    }
    out.write(type);
    out.writeInt(length);
    out.write(bytes, offset, length);
    out.flush();
  }

  /** Writes any number of bytes as as many frames as {@link #MAX_PAYLOAD} needs (one at least). */
  public static void writeAll(DataOutputStream out, int type, byte[] bytes, int offset, int length)
      throws IOException {
    int end = offset + length;
    do {
      int n = Math.min(end - offset, MAX_PAYLOAD);
      write(out, type, bytes, offset, n);
      offset += n;
    } while (offset < end);
  }

  public static void write(DataOutputStream out, int type, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    write(out, type, b, 0, b.length);
  }

  /** Reads the opening line up to its {@code \n}, at most {@link #MAX_HELLO} bytes, stripped. */
  public static String readHello(DataInputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) throw new EOFException("connection closed before the " + HELLO + " line");
      if (sb.length() >= MAX_HELLO) throw new IOException(HELLO + " line too long");
      sb.append((char) c);
    }
    return sb.toString().strip();
  }
}
