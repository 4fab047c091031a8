package dev.hoist.dynos.docker;

import dev.hoist.dynos.scheduler.Attachment;
import dev.hoist.dynos.scheduler.OutputSink;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code POST /containers/{id}/attach} upgraded to a raw stream, spoken directly on the engine's
 * socket. docker-java's hijacked attach cannot half-close the connection, so a dyno would never
 * read end-of-file on stdin; here {@link #closeStdin} is a {@code shutdownOutput}, and with {@code
 * StdinOnce} the engine then closes the process's stdin. Reads and writes go straight to the
 * channel (never through {@code Channels.newInputStream}, whose lock would make a blocked read
 * stall every write).
 */
final class RawAttach implements Attachment {
  private final SocketChannel channel;
  private final boolean tty;
  private ByteBuffer pending; // bytes read past the response headers

  private RawAttach(SocketChannel channel, boolean tty) {
    this.channel = channel;
    this.tty = tty;
  }

  static RawAttach open(URI dockerHost, String containerId, boolean tty) throws IOException {
    SocketChannel ch =
        switch (dockerHost.getScheme()) {
          case "unix" -> SocketChannel.open(UnixDomainSocketAddress.of(dockerHost.getPath()));
          case "tcp" ->
              SocketChannel.open(new InetSocketAddress(dockerHost.getHost(), dockerHost.getPort()));
          default ->
              throw new IOException(
                  "attaching needs a unix or plain tcp DOCKER_HOST, not " + dockerHost);
        };
    RawAttach a = new RawAttach(ch, tty);
    try {
      a.handshake(containerId);
      return a;
    } catch (IOException e) {
      ch.close();
      throw e;
    }
  }

  private void handshake(String containerId) throws IOException {
    String request =
        "POST /containers/"
            + containerId
            + "/attach?stream=1&stdin=1&stdout=1&stderr=1 HTTP/1.1\r\n"
            + "Host: docker\r\nContent-Type: text/plain\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
    writeFully(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
    ByteBuffer buf = ByteBuffer.allocate(8192);
    while (true) {
      if (channel.read(buf) < 0) throw new EOFException("the engine closed the attach connection");
      byte[] seen = Arrays.copyOf(buf.array(), buf.position());
      String text = new String(seen, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        if (buf.remaining() == 0) throw new IOException("attach answer headers too long");
        continue;
      }
      String status = text.substring(0, text.indexOf("\r\n"));
      if (!status.contains(" 101 ") && !status.contains(" 200 "))
        throw new IOException("attach refused: " + status);
      pending = ByteBuffer.wrap(seen, end + 4, seen.length - end - 4);
      return;
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    writeFully(ByteBuffer.wrap(bytes, offset, length));
  }

  private void writeFully(ByteBuffer b) throws IOException {
    while (b.hasRemaining()) channel.write(b);
  }

  @Override
  public void closeStdin() throws IOException {
    channel.shutdownOutput();
  }

  @Override
  public void pump(OutputSink sink) throws IOException {
    try {
      if (tty) {
        byte[] chunk = new byte[16 * 1024];
        for (int n = read(chunk, 0, chunk.length); n > 0; n = read(chunk, 0, chunk.length))
          sink.output(false, chunk, 0, n);
        return;
      }
      byte[] header = new byte[8]; // stream type, 3 zero bytes, big-endian payload length
      byte[] chunk = new byte[16 * 1024];
      while (readFully(header, 8)) {
        // The header allows frames of up to 4 GiB: one goes on in chunks, so that neither this
        // buffer nor an
        // attach frame (at most 1 MiB) has to hold it whole.
        long left = Integer.toUnsignedLong(ByteBuffer.wrap(header, 4, 4).getInt());
        while (left > 0) {
          int n = (int) Math.min(left, chunk.length);
          if (!readFully(chunk, n)) return;
          sink.output(header[0] == 2, chunk, 0, n);
          left -= n;
        }
      }
    } finally {
      sink.end();
    }
  }

  private boolean readFully(byte[] into, int length) throws IOException {
    int got = 0;
    while (got < length) {
      int n = read(into, got, length - got);
      if (n < 0) {
        if (got == 0) return false;
        throw new EOFException("attach stream ended inside a frame");
      }
      got += n;
    }
    return true;
  }

  private int read(byte[] into, int offset, int length) throws IOException {
    if (pending.hasRemaining()) {
      int n = Math.min(length, pending.remaining());
      pending.get(into, offset, n);
      return n;
    }
    return channel.read(ByteBuffer.wrap(into, offset, length));
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
