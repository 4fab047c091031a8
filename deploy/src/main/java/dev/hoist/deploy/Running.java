package dev.hoist.deploy;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts a platform (the seed or the all-in-one one) has started, stopped in reverse order; a
 * part that fails to stop is logged and the others still stop.
 */
final class Running implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Running.class);

  private final Deque<AutoCloseable> parts = new ArrayDeque<>();

  <T extends AutoCloseable> T add(T part) {
    parts.push(part);
    return part;
  }

  @Override
  public synchronized void close() {
    while (!parts.isEmpty()) {
      AutoCloseable part = parts.pop();
      try {
        part.close();
      } catch (Exception e) {
        log.warn("stopping {}: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
