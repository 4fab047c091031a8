package dev.hoist.router.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Posts on a kept-alive connection, against a socket server that answers each request as a test
 * scripts it: which answers let the connection be reused, and which failures are retried, which
 * not.
 */
class LogPosterTest {
  private static final String OK =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
  private Scripted server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) server.close();
  }

  private static byte[] body(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static int post(LogPoster poster, String text) throws IOException {
    byte[] b = body(text);
    return poster.post(b, b.length);
  }

  /**
   * Posts once per status given, each answered as {@code script} says; returns the connections
   * used.
   */
  private int connectionsFor(IntFunction<Answer> script, int... statuses) throws IOException {
    server = new Scripted(script);
    try (LogPoster poster = server.poster()) {
      for (int i = 0; i < statuses.length; i++)
        assertThat(post(poster, "post " + i)).isEqualTo(statuses[i]);
    }
    return server.connections.get();
  }

  @Test
  void postsOneAfterAnotherOnOneConnection() throws IOException {
    server = new Scripted(n -> new Answer(OK, false));
    try (LogPoster poster = server.poster()) {
      assertThat(post(poster, "a 1 one\n")).isEqualTo(200);
      assertThat(post(poster, "a 2 two\n")).isEqualTo(200);
      assertThat(post(poster, "a 3 three\n")).isEqualTo(200);
    }
    assertThat(server.bodies).containsExactly("a 1 one\n", "a 2 two\n", "a 3 three\n");
    assertThat(server.connections.get()).isEqualTo(1);
  }

  @Test
  void readsAChunkedAnswerWithTrailersToItsEndAndKeepsTheConnection() throws IOException {
    String chunked =
        "HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "4;ext=1\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\nX-Trailer: yes\r\n\r\n";
    assertThat(connectionsFor(n -> new Answer(chunked, false), 202, 202)).isEqualTo(1);
  }

  @Test
  void passesOverAnInterimAnswerAndTakesANoContentOne() throws IOException {
    assertThat(
            connectionsFor(
                n ->
                    new Answer(
                        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n", false),
                204,
                204))
        .isEqualTo(1);
  }

  @Test
  void opensANewConnectionAfterAnAnswerThatClosesIt() throws IOException {
    assertThat(
            connectionsFor(
                n ->
                    new Answer(
                        "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}",
                        true),
                200,
                200))
        .isEqualTo(2);
  }

  @Test
  void anHttp10AnswerOrOneRunningUntilCloseEndsTheConnection() throws IOException {
    assertThat(
            connectionsFor(
                n ->
                    new Answer(
                        n % 2 == 0
                            ? "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}"
                            : "HTTP/1.1 200 OK\r\n\r\n{}",
                        true),
                200,
                200,
                200))
        .isEqualTo(3);
  }

  @Test
  void sendsAgainOnANewConnectionWhenTheKeptOneWasClosedBeforeAnyAnswer() throws IOException {
    // The server answers, then drops the connection as an idle one: the next post finds it closed.
    server = new Scripted(n -> new Answer(OK, true));
    try (LogPoster poster = server.poster()) {
      assertThat(post(poster, "one")).isEqualTo(200);
      server.awaitClosed(1);
      assertThat(post(poster, "two")).isEqualTo(200);
    }
    assertThat(server.bodies).containsExactly("one", "two");
    assertThat(server.connections.get()).isEqualTo(2);
  }

  @Test
  void doesNotReuseAConnectionIdleLongerThanTheLimit() throws IOException {
    server = new Scripted(n -> new Answer(OK, false));
    try (LogPoster poster = new LogPoster(server.uri(), "t", 0)) {
      assertThat(post(poster, "one")).isEqualTo(200);
      assertThat(post(poster, "two")).isEqualTo(200);
    }
    assertThat(server.connections.get()).isEqualTo(2);
  }

  @Test
  void returnsARefusalsStatusAndKeepsTheConnection() throws IOException {
    assertThat(
            connectionsFor(
                n ->
                    new Answer(
                        n == 0
                            ? "HTTP/1.1 413 Payload Too Large\r\nContent-Length: 5\r\n\r\nlarge"
                            : OK,
                        false),
                413,
                200))
        .isEqualTo(1);
  }

  @Test
  void sendsTheTokenTypeAndLengthOfTheBatch() throws IOException {
    server = new Scripted(n -> new Answer(OK, false));
    try (LogPoster poster = server.poster()) {
      post(poster, "caf\u00e9");
    }
    assertThat(server.heads.get(0))
        .startsWith("POST /internal/logs?source=hoist HTTP/1.1\r\n")
        .contains(
            "Authorization: Bearer t\r\n",
            "Content-Type: " + LogBatch.MEDIA_TYPE + "\r\n",
            "Content-Length: 5\r\n");
    assertThat(server.bodies).containsExactly("caf\u00e9");
  }

  /** Each kind of answer that is not HTTP fails the post, and is not sent again. */
  @Test
  void failsOnAnswersThatAreNotHttp() throws IOException {
    String[] bad = {
      "", // closed without a byte, on a new connection
      "SMTP ready\r\n\r\n",
      "HTTP/1.1 2x0 OK\r\n\r\n",
      "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", // then closed
      "HTTP/1.1 200 OK\r\nX-Long: " + "x".repeat(20_000) + "\r\n\r\n",
    };
    for (String answer : bad) {
      try (Scripted s = new Scripted(n -> new Answer(answer, true));
          LogPoster poster = s.poster()) {
        assertThatThrownBy(() -> post(poster, "one"))
            .as(answer.length() > 60 ? answer.substring(0, 60) : answer)
            .isInstanceOf(IOException.class);
        assertThat(s.bodies).as("sent once").hasSize(1);
      }
    }
  }

  private record Answer(String text, boolean thenClose) {}

  /**
   * Accepts connections one at a time; for the n-th request (from 0) writes what {@code script}
   * says.
   */
  private static final class Scripted implements AutoCloseable {
    final List<String> heads = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    private final ServerSocket listener;
    private final IntFunction<Answer> script;

    Scripted(IntFunction<Answer> script) throws IOException {
      this.script = script;
      listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
      Thread t = new Thread(this::serve, "scripted-api");
      t.setDaemon(true);
      t.start();
    }

    URI uri() {
      return URI.create(
          "http://127.0.0.1:" + listener.getLocalPort() + "/internal/logs?source=hoist");
    }

    LogPoster poster() {
      return new LogPoster(uri(), "t");
    }

    void awaitClosed(int n) {
      long until = System.nanoTime() + 5_000_000_000L;
      while (closed.get() < n && System.nanoTime() < until) Thread.onSpinWait();
      assertThat(closed.get()).as("connections the server closed").isGreaterThanOrEqualTo(n);
    }

    private void serve() {
      while (!listener.isClosed()) {
        try (Socket s = listener.accept()) {
          connections.incrementAndGet();
          InputStream in = new BufferedInputStream(s.getInputStream());
          while (true) {
            String head = head(in);
            if (head == null) break;
            int length =
                Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+)\r\n.*", "$1"));
            heads.add(head);
            bodies.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
            Answer a = script.apply(bodies.size() - 1);
            s.getOutputStream().write(a.text().getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            if (a.thenClose()) break;
          }
        } catch (IOException e) {
          // the poster went away; wait for the next one
        } finally {
          closed.incrementAndGet();
        }
      }
    }

    private static String head(InputStream in) throws IOException {
      StringBuilder head = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0) {
        head.append((char) c);
        if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n"))
          return head.toString();
      }
      return null;
    }

    @Override
    public void close() throws IOException {
      listener.close();
    }
  }
}
