package dev.hoist.dynos.attach;

import dev.hoist.dynos.scheduler.Attachment;
import dev.hoist.dynos.scheduler.OutputSink;
import dev.hoist.internal.attach.AttachProtocol;
import dev.hoist.internal.attach.AttachProtocol.Frame;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attach client: reads {@code HOIST-ATTACH <token> <tty> <cols> <rows>}, starts the one-off,
 * then pumps stdin frames in (on a second thread) and output frames out until the process exits,
 * sends the exit status frame and closes. A client that goes away early hangs the dyno up (SIGHUP,
 * then the usual stop). The protocol is {@link AttachProtocol}; output larger than its {@link
 * AttachProtocol#MAX_PAYLOAD} leaves as several frames, since the client refuses a larger one.
 */
final class AttachSession implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(AttachSession.class);
  private static final int HELLO_TIMEOUT_MS = 10_000;

  private final Socket socket;
  private final AttachTarget target;
  private final ExecutorService pool;
  private volatile boolean hungUp;

  AttachSession(Socket socket, AttachTarget target, ExecutorService pool) {
    this.socket = socket;
    this.target = target;
    this.pool = pool;
  }

  static final long WAIT_FOR_DYNO_MS = 10_000;

  @Override
  public void run() {
    try (socket) {
      socket.setTcpNoDelay(true);
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
      socket.setSoTimeout(HELLO_TIMEOUT_MS);
      String[] hello = AttachProtocol.readHello(in).split(" ");
      if (hello.length != 5 || !hello[0].equals(AttachProtocol.HELLO)) {
        AttachProtocol.write(
            out, AttachProtocol.ERROR, "expected: HOIST-ATTACH <token> <tty 0|1> <cols> <rows>");
        return;
      }
      socket.setSoTimeout(0);
      AttachTarget.Session session;
      try {
        session = open(hello);
      } catch (IOException e) {
        AttachProtocol.write(out, AttachProtocol.ERROR, e.getMessage());
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (session == null) {
        AttachProtocol.write(
            out,
            AttachProtocol.ERROR,
            "no dyno waits for this attach token (wrong token, dyno gone, or attached)");
        return;
      }
      serve(session, in, out);
    } catch (IOException e) {
      log.debug("attach client went away: {}", e.getMessage());
    }
  }

  /**
   * The client usually arrives before the dyno manager has heard of its one-off: {@code hoist run}
   * attaches as soon as the api answers, while the desired state is still on its way here. So an
   * unknown token is asked for again until {@link #WAIT_FOR_DYNO_MS} pass, rather than refused at
   * once.
   */
  private AttachTarget.Session open(String[] hello) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_FOR_DYNO_MS;
    while (true) {
      AttachTarget.Session session =
          target.open(hello[1], hello[2].equals("1"), number(hello[3]), number(hello[4]));
      if (session != null || System.currentTimeMillis() > deadline) return session;
      Thread.sleep(25); // polling a condition under a deadline
    }
  }

  private void serve(AttachTarget.Session session, DataInputStream in, DataOutputStream out)
      throws IOException {
    try (Attachment dyno = session.attachment()) {
      session.start();
      pool.execute(() -> stdin(session, dyno, in));
      dyno.pump(
          new OutputSink() {
            @Override
            public void output(boolean stderr, byte[] bytes, int offset, int length) {
              try {
                AttachProtocol.writeAll(
                    out,
                    stderr ? AttachProtocol.STDERR : AttachProtocol.STDOUT,
                    bytes,
                    offset,
                    length);
              } catch (IOException gone) {
                hangUp(session); // the client left: the dyno's output has nowhere to go
              }
            }

            @Override
            public void end() {}
          });
      AttachProtocol.write(out, AttachProtocol.EXIT, Integer.toString(session.awaitExit()));
    }
  }

  /**
   * Dyno output as frames of at most {@link AttachProtocol#MAX_PAYLOAD}: an {@link Attachment}
   * promises no chunk size, and the client refuses a larger frame.
   */

  /**
   * Client frames into the dyno. The end of the client's stream after a "stdin closed" frame is a
   * half-close (the client still reads); before it, the client is gone.
   */
  private void stdin(AttachTarget.Session session, Attachment dyno, DataInputStream in) {
    boolean stdinClosed = false;
    try {
      for (Frame f = AttachProtocol.read(in); f != null; f = AttachProtocol.read(in)) {
        switch (f.type()) {
          case AttachProtocol.STDIN -> dyno.write(f.payload(), 0, f.payload().length);
          case AttachProtocol.STDIN_CLOSED -> {
            dyno.closeStdin();
            stdinClosed = true;
          }
          case AttachProtocol.RESIZE -> {
            String[] size = f.text().trim().split(" ");
            if (size.length == 2) session.resize(number(size[0]), number(size[1]));
          }
          default -> throw new IOException("unknown frame type " + f.type());
        }
      }
    } catch (IOException e) {
      log.debug("attach input ended: {}", e.getMessage());
    }
    if (!stdinClosed && !socket.isClosed()) hangUp(session);
  }

  private void hangUp(AttachTarget.Session session) {
    if (!hungUp) {
      hungUp = true;
      session.hangUp();
    }
  }

  private static int number(String s) {
    try {
      return Math.max(0, Math.min(10_000, Integer.parseInt(s.trim())));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
