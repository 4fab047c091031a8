package dev.hoist.router.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of requests at a port: a few threads, each with a client of its own (so one
 * kept-alive connection each), sending {@code GET /} for {@code host} one after the other until
 * {@link #stop}. The JDK's client is a well-behaved one: it closes a connection whose response said
 * {@code Connection: close}, and sends a GET again on a new connection when a kept-alive one ends
 * before any byte of the answer, as HTTP allows (RFC 9112 §9.3.1). Whatever else goes wrong, and
 * every answer other than 200, is a failure.
 */
public final class RequestStream implements AutoCloseable {
  /** Requests answered 200, by body ({@code hello from NAME}: which dyno answered). */
  public final ConcurrentHashMap<String, AtomicInteger> answered = new ConcurrentHashMap<>();

  public final List<String> failures = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private volatile boolean stopped;

  private RequestStream(int port, String host, int clients) {
    for (int i = 0; i < clients; i++) {
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
              .header("Host", host)
              .timeout(Duration.ofSeconds(30))
              .build();
      Thread t = new Thread(() -> run(http, request), "request-stream-" + i);
      t.setDaemon(true);
      threads.add(t);
    }
  }

  public static RequestStream start(int port, String host, int clients) {
    RequestStream stream = new RequestStream(port, host, clients);
    stream.threads.forEach(Thread::start);
    return stream;
  }

  private void run(HttpClient http, HttpRequest request) {
    while (!stopped) {
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          answered.computeIfAbsent(r.body(), k -> new AtomicInteger()).incrementAndGet();
        } else {
          failures.add(r.statusCode() + " " + r.body());
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        failures.add(e.toString());
      }
    }
  }

  /** How many requests the dyno answering {@code hello from NAME} has answered so far. */
  public int answeredBy(String dyno) {
    AtomicInteger n = answered.get("hello from " + dyno);
    return n == null ? 0 : n.get();
  }

  /** Lets each thread finish the request it is sending, then returns. */
  public void stop() throws InterruptedException {
    stopped = true;
    for (Thread t : threads) t.join(Duration.ofSeconds(35).toMillis());
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
