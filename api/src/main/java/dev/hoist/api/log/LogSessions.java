package dev.hoist.api.log;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Log sessions waiting to be opened. Like logplex's, a session URL is single-use and short-lived:
 * its random id is the credential, so it must not outlive its purpose.
 */
@Component
class LogSessions {
  static final Duration LIFETIME = Duration.ofMinutes(5);

  record Session(
      UUID id,
      UUID appId,
      String source,
      String dyno,
      int lines,
      boolean tail,
      Instant createdAt) {}

  private final Map<UUID, Session> open = new ConcurrentHashMap<>();

  Session create(UUID appId, String source, String dyno, int lines, boolean tail) {
    expire();
    Session s = new Session(UUID.randomUUID(), appId, source, dyno, lines, tail, Instant.now());
    open.put(s.id(), s);
    return s;
  }

  /** Takes the session out: a second GET of the same URL finds nothing. */
  Optional<Session> take(UUID id) {
    Session s = open.remove(id);
    return s == null || s.createdAt().plus(LIFETIME).isBefore(Instant.now())
        ? Optional.empty()
        : Optional.of(s);
  }

  private void expire() {
    Instant cutoff = Instant.now().minus(LIFETIME);
    open.values().removeIf(s -> s.createdAt().isBefore(cutoff));
  }
}
