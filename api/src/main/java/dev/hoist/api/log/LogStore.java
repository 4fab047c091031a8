package dev.hoist.api.log;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Each app's recent log: the last {@value #HISTORY} lines in memory (logplex's tail buffer, which
 * is a router, not storage), and live subscribers for {@code --tail}. Lines are kept per app id, so
 * a rename keeps the history. Subscribers are called on the appending thread and must not block.
 *
 * <p>As a lifecycle bean it stops before the web server's graceful shutdown, so tailing sessions
 * end at once rather than holding the shutdown for its whole grace period.
 */
@Component
public class LogStore implements SmartLifecycle {
  public static final int HISTORY = 1500;

  private final Map<UUID, Deque<LogLine>> history = new ConcurrentHashMap<>();
  private final Map<UUID, List<Consumer<LogLine>>> subscribers = new ConcurrentHashMap<>();
  private volatile boolean running;

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  public void append(UUID appId, LogLine line) {
    Deque<LogLine> lines = history.computeIfAbsent(appId, id -> new ArrayDeque<>());
    synchronized (lines) {
      lines.addLast(line);
      while (lines.size() > HISTORY) lines.removeFirst();
    }
    for (Consumer<LogLine> s : subscribers.getOrDefault(appId, List.of())) s.accept(line);
  }

  /** A platform line ({@code hoist[component]: message}) stamped now. */
  public void platform(UUID appId, String component, String message) {
    append(appId, new LogLine(Instant.now(), "hoist", component, message));
  }

  /** The newest {@code max} lines that pass the filter, oldest first. */
  public List<LogLine> recent(UUID appId, int max, String source, String dyno) {
    Deque<LogLine> lines = history.get(appId);
    if (lines == null) return List.of();
    List<LogLine> copy;
    synchronized (lines) {
      copy = new ArrayList<>(lines);
    }
    List<LogLine> kept = copy.stream().filter(l -> l.matches(source, dyno)).toList();
    return kept.subList(Math.max(0, kept.size() - max), kept.size());
  }

  /**
   * Calls {@code subscriber} with every new line of the app until the returned handle is closed.
   */
  public AutoCloseable subscribe(UUID appId, Consumer<LogLine> subscriber) {
    subscribers.computeIfAbsent(appId, id -> new CopyOnWriteArrayList<>()).add(subscriber);
    return () -> subscribers.getOrDefault(appId, List.of()).remove(subscriber);
  }

  /** Forgets a deleted app's lines. */
  public void forget(UUID appId) {
    history.remove(appId);
    subscribers.remove(appId);
  }
}
