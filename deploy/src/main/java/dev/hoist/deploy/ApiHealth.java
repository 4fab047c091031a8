package dev.hoist.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for an api to answer {@code GET /health} with 200. */
final class ApiHealth {
  private ApiHealth() {}

  /**
   * Whether the api at {@code apiUrl} answers within {@code wait} (one try when it is zero); gives
   * up sooner once {@code worthWaiting} says no.
   */
  static boolean answers(String apiUrl, Duration wait, BooleanSupplier worthWaiting)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(apiUrl + "/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + wait.toNanos();
    do {
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (!worthWaiting.getAsBoolean()) return false;
      Thread.sleep(250);
    } while (System.nanoTime() < deadline);
    return false;
  }
}
