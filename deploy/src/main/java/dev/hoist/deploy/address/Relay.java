package dev.hoist.deploy.address;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One client connection of the {@link StableAddress}, relayed to an api dyno in both directions.
 *
 * <p>Until the dyno answers its first byte, the client's bytes are also kept (up to {@value
 * #REPLAY_LIMIT} bytes). If the dyno's connection ends before any answer (a dyno killed or stopped
 * mid-request) and the request's method is idempotent, the kept bytes are sent to another dyno and
 * the client never sees the loss. Past the first answer the connection is a plain pipe.
 */
final class Relay implements Runnable {
  static final int REPLAY_LIMIT = 64 * 1024;
  private static final int MAX_FAILOVERS = 3;
  private static final List<String> IDEMPOTENT =
      List.of("GET ", "HEAD ", "OPTIONS ", "PUT ", "DELETE ");

  private final Socket client;
  private final StableAddress address;
  private final Object lock = new Object();
  private final List<InetSocketAddress> tried = new ArrayList<>();
  private final ByteArrayOutputStream sent = new ByteArrayOutputStream(); // guarded by lock
  private boolean replayable = true; // guarded by lock
  private boolean clientDone; // guarded by lock
  private volatile boolean answered;
  private volatile Socket upstream;

  Relay(Socket client, StableAddress address) {
    this.client = client;
    this.address = address;
  }

  @Override
  public void run() {
    try {
      upstream = address.connect(tried);
      if (upstream == null) {
        unavailable();
        return;
      }
      Thread up = new Thread(this::clientToUpstream, Thread.currentThread().getName() + "-up");
      up.setDaemon(true);
      up.start();
      upstreamToClient();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      StableAddress.quietly(client);
      StableAddress.quietly(upstream);
    }
  }

  private void clientToUpstream() {
    byte[] buf = new byte[16 * 1024];
    try {
      InputStream in = client.getInputStream();
      int n;
      while ((n = in.read(buf)) >= 0) {
        if (!answered && sendKept(buf, n)) continue;
        upstream.getOutputStream().write(buf, 0, n);
      }
      synchronized (lock) {
        clientDone = true;
        upstream.shutdownOutput();
      }
    } catch (IOException e) {
      StableAddress.quietly(client); // ends the other direction too
    }
  }

  /**
   * Keeps and sends bytes of the unanswered request. A write to a dyno that died is not an error
   * here: the answering side fails over and replays what was kept. False when an answer came
   * meanwhile, for the caller to send plainly.
   */
  private boolean sendKept(byte[] buf, int n) {
    synchronized (lock) {
      if (answered) return false;
      if (sent.size() + n <= REPLAY_LIMIT) sent.write(buf, 0, n);
      else replayable = false;
      try {
        upstream.getOutputStream().write(buf, 0, n);
      } catch (IOException e) {
        // replayed by failover(), or the client learns of it when its connection closes
      }
      return true;
    }
  }

  private void upstreamToClient() throws InterruptedException {
    byte[] buf = new byte[16 * 1024];
    OutputStream out;
    try {
      out = client.getOutputStream();
    } catch (IOException e) {
      return;
    }
    int failovers = 0;
    while (true) {
      int n;
      try {
        n = upstream.getInputStream().read(buf);
      } catch (IOException e) {
        n = -1;
      }
      if (n > 0) {
        answered = true;
        try {
          out.write(buf, 0, n);
        } catch (IOException e) {
          return;
        }
        continue;
      }
      if (answered || failovers++ >= MAX_FAILOVERS || !failover()) {
        try {
          client.shutdownOutput();
        } catch (IOException e) {
          // the client is gone already
        }
        return;
      }
    }
  }

  /** Moves the unanswered request to another dyno; false when it may not or cannot be. */
  private boolean failover() throws InterruptedException {
    synchronized (lock) {
      byte[] kept = sent.toByteArray();
      if (!replayable || !(kept.length == 0 || idempotent(kept))) return false;
      for (int attempt = 0; attempt < MAX_FAILOVERS; attempt++) {
        Socket next = address.connect(tried);
        if (next == null) return false;
        try {
          next.getOutputStream().write(kept);
          if (clientDone) next.shutdownOutput();
        } catch (IOException e) {
          StableAddress.quietly(next);
          continue;
        }
        StableAddress.quietly(upstream);
        upstream = next;
        return true;
      }
      return false;
    }
  }

  static boolean idempotent(byte[] request) {
    String start = new String(request, 0, Math.min(request.length, 8), StandardCharsets.US_ASCII);
    return IDEMPOTENT.stream().anyMatch(start::startsWith);
  }

  private void unavailable() {
    byte[] body =
        ("{\"id\":\"unavailable\",\"message\":\"the Hoist api is not running: no api dyno"
                + " answered in time; `./hoistd status` shows what runs\"}")
            .getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
            + "Content-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    try {
      OutputStream out = client.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
    } catch (IOException e) {
      // the client left while it waited
    }
  }
}
