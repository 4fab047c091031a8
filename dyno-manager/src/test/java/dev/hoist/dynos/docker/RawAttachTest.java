package dev.hoist.dynos.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.dynos.scheduler.OutputSink;
import dev.hoist.internal.attach.AttachProtocol;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The attach stream as the engine sends it, from a stand-in engine on a loopback socket (no Docker
 * needed).
 */
class RawAttachTest {
  @Test
  void handsOnAFrameLargerThanAnAttachFrameInPiecesThatFitOne() throws Exception {
    byte[] big = new byte[3 * AttachProtocol.MAX_PAYLOAD + 123];
    for (int i = 0; i < big.length; i++) big[i] = (byte) i;
    try (ServerSocket engine = new ServerSocket(0)) {
      CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> serve(engine, big));
      List<Integer> pieces = new ArrayList<>();
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      boolean[] ended = {false};
      try (RawAttach attach =
          RawAttach.open(URI.create("tcp://127.0.0.1:" + engine.getLocalPort()), "c1", false)) {
        attach.pump(
            new OutputSink() {
              @Override
              public void output(boolean err, byte[] bytes, int offset, int length) {
                pieces.add(length);
                (err ? stderr : stdout).write(bytes, offset, length);
              }

              @Override
              public void end() {
                ended[0] = true;
              }
            });
      }
      assertThat(request.get(10, TimeUnit.SECONDS))
          .startsWith("POST /containers/c1/attach?stream=1&stdin=1");
      assertThat(Arrays.equals(stdout.toByteArray(), big)).as("every byte, in order").isTrue();
      assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("oops\n");
      assertThat(pieces)
          .hasSizeGreaterThan(3)
          .allSatisfy(n -> assertThat(n).isBetween(1, AttachProtocol.MAX_PAYLOAD));
      assertThat(ended[0]).isTrue();
    }
  }

  /**
   * Answers the attach request with a 101, one stdout frame of {@code big} and a small stderr
   * frame; then closes.
   */
  private static String serve(ServerSocket engine, byte[] big) {
    try (Socket s = engine.accept()) {
      InputStream in = s.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int c = in.read();
        if (c < 0) throw new IOException("request ended early");
        head.append((char) c);
      }
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.write(
          "HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[] {1, 0, 0, 0});
      out.writeInt(big.length);
      out.write(big);
      out.write(new byte[] {2, 0, 0, 0});
      out.writeInt(5);
      out.write("oops\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return head.toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
