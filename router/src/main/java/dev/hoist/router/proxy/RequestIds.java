package dev.hoist.router.proxy;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Heroku's X-Request-ID rule: a client's value is kept when it is 20–200 characters of {@code
 * [A-Za-z0-9+/=-]}; otherwise the router makes a new one (a random UUID).
 */
final class RequestIds {
  private RequestIds() {}

  static String keepOrCreate(String fromClient) {
    return fromClient != null && valid(fromClient) ? fromClient : create();
  }

  static boolean valid(String id) {
    if (id.length() < 20 || id.length() > 200) return false;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/'
              || c == '='
              || c == '-';
      if (!ok) return false;
    }
    return true;
  }

  /**
   * A version-4 UUID from the event loop's own random source: {@link UUID#randomUUID()} would take
   * the shared SecureRandom on every request, a lock and a cost an id that is not a secret does not
   * need.
   */
  static String create() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
