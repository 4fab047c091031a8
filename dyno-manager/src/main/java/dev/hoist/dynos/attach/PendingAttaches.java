package dev.hoist.dynos.attach;

import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.OneOff;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Attached one-offs waiting for their client, by attach token. The reconciler expects them
 * (refreshing the app they belong to on every pass) and gives up on them after their deadline; the
 * attach server claims one when a client presents its token. A token can be claimed once.
 */
public final class PendingAttaches {
  /** One waiting one-off; {@code app} is the app's state as of the latest pass. */
  public static final class Pending {
    public final String token;
    public final OneOff oneOff;
    public final long deadline;
    volatile AppState app;
    private final AtomicLong claimedAt = new AtomicLong();

    Pending(String token, AppState app, OneOff oneOff, long deadline) {
      this.token = token;
      this.app = app;
      this.oneOff = oneOff;
      this.deadline = deadline;
    }

    public AppState app() {
      return app;
    }

    /** When a client claimed it (epoch ms); 0 while unclaimed. */
    public long claimedAt() {
      return claimedAt.get();
    }
  }

  private final Map<String, Pending> byToken = new ConcurrentHashMap<>();

  /** Registers (or refreshes) a one-off; the deadline is set the first time only. */
  public Pending expect(AppState app, OneOff oneOff, long deadline) {
    Pending p =
        byToken.computeIfAbsent(oneOff.attachToken(), t -> new Pending(t, app, oneOff, deadline));
    p.app = app;
    return p;
  }

  /** The one-off with this token, now claimed; null for an unknown token or one claimed already. */
  public Pending claim(String token) {
    Pending p = token == null ? null : byToken.get(token);
    return p != null && p.claimedAt.compareAndSet(0, System.currentTimeMillis()) ? p : null;
  }

  /** The one-off waiting with this token, claimed or not; null if none. */
  public Pending find(String token) {
    return token == null ? null : byToken.get(token);
  }

  public void remove(String token) {
    if (token != null) byToken.remove(token);
  }

  /**
   * Forgets the app's one-offs whose tokens are not in {@code tokens} (the api no longer lists
   * them).
   */
  public void retain(String app, Set<String> tokens) {
    byToken.values().removeIf(p -> p.app.name().equals(app) && !tokens.contains(p.token));
  }
}
