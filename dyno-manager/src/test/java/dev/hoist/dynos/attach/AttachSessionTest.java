package dev.hoist.dynos.attach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.dynos.scheduler.Attachment;
import dev.hoist.dynos.scheduler.OutputSink;
import dev.hoist.internal.attach.AttachProtocol;
import dev.hoist.internal.attach.AttachProtocol.Frame;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The attach server with a stand-in one-off: what a client reads, frame by frame (no Docker
 * needed).
 */
class AttachSessionTest {
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void sendsOutputLargerThanAFrameAsSeveralFramesTheClientAccepts() throws Exception {
    byte[] big = new byte[2 * AttachProtocol.MAX_PAYLOAD + 7];
    for (int i = 0; i < big.length; i++) big[i] = (byte) (i % 251);
    try (AttachServer server = new AttachServer("127.0.0.1", 0, oneOff("tok", big), pool).start();
        Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.write(AttachProtocol.hello("tok", false, 80, 24).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      List<Integer> stdoutFrames = new ArrayList<>();
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      String stderr = null;
      String exit = null;
      while (exit == null) {
        Frame f = AttachProtocol.read(in); // refuses a frame over MAX_PAYLOAD, as the CLI does
        assertThat(f).as("a frame before the exit status").isNotNull();
        switch (f.type()) {
          case AttachProtocol.STDOUT -> {
            stdoutFrames.add(f.payload().length);
            stdout.write(f.payload());
          }
          case AttachProtocol.STDERR -> stderr = f.text();
          case AttachProtocol.EXIT -> exit = f.text();
          default -> throw new AssertionError("frame " + f.type() + ": " + f.text());
        }
      }
      assertThat(stdoutFrames)
          .containsExactly(AttachProtocol.MAX_PAYLOAD, AttachProtocol.MAX_PAYLOAD, 7);
      assertThat(Arrays.equals(stdout.toByteArray(), big)).as("every byte, in order").isTrue();
      assertThat(stderr).isEqualTo("done\n");
      assertThat(exit).isEqualTo("0");
    }
  }

  /**
   * A one-off behind {@code token} that writes {@code output} to stdout in one piece, then a line
   * to stderr.
   */
  private static AttachTarget oneOff(String token, byte[] output) {
    Attachment attachment =
        new Attachment() {
          @Override
          public void write(byte[] bytes, int offset, int length) {}

          @Override
          public void closeStdin() {}

          @Override
          public void pump(OutputSink sink) {
            sink.output(false, output, 0, output.length);
            byte[] done = "done\n".getBytes(StandardCharsets.US_ASCII);
            sink.output(true, done, 0, done.length);
            sink.end();
          }

          @Override
          public void close() {}
        };
    AttachTarget.Session session =
        new AttachTarget.Session() {
          @Override
          public Attachment attachment() {
            return attachment;
          }

          @Override
          public void start() {}

          @Override
          public void resize(int cols, int rows) {}

          @Override
          public int awaitExit() {
            return 0;
          }

          @Override
          public void hangUp() {}
        };
    return (t, tty, cols, rows) -> {
      if (!t.equals(token)) throw new IOException("unknown token " + t);
      return session;
    };
  }
}
