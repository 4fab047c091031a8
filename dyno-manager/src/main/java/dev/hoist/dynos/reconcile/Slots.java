package dev.hoist.dynos.reconcile;

import dev.hoist.dynos.scheduler.DynoNames;
import dev.hoist.dynos.scheduler.DynoSpec;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.DynoOptions;
import dev.hoist.internal.state.DesiredState.OneOff;
import dev.hoist.internal.state.DesiredState.Process;
import dev.hoist.internal.state.DesiredState.Release;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dynos an app's desired state asks for, with the environment of the dyno contract. A platform
 * app's dyno options apply to its dynos ({@link DynoSpec.Platform}); an ordinary app's are ignored
 * (the api refuses them; {@code dev.hoist.dynos.checkpoint.LocalState} warns if one comes anyway).
 * On the host's network every dyno that listens gets a free port of its own as {@code PORT}, where
 * the boot check connects. An app's fixed port is the port its web dynos share (SO_REUSEPORT),
 * given as {@code HOIST_SHARED_PORT}: a boot check there would be answered by the dyno being
 * replaced, and call a new dyno up before it listens. One-offs never get the shared port, so that
 * they never take the app's traffic.
 */
public final class Slots {
  private Slots() {}

  /**
   * Formation slots {@code type.1 … type.N}; none when there is no release or slug, or a type has
   * no command.
   */
  public static List<Slot> of(AppState app, int port) {
    List<Slot> slots = new ArrayList<>();
    Release release = app.release();
    if (release == null || release.slug() == null) return slots;
    for (Process p : app.formation()) {
      if (p.command() == null || p.command().isBlank()) continue;
      for (int i = 1; i <= p.quantity(); i++) {
        String dyno = p.type() + "." + i;
        boolean web = "web".equals(p.type());
        slots.add(
            new Slot(
                new DynoSpec(
                    app.name(),
                    dyno,
                    p.type(),
                    release.version(),
                    release.slug().id(),
                    app.stackImage(),
                    app.restartAt(p.type(), dyno),
                    p.command(),
                    p.size(),
                    p.memoryMb(),
                    p.pids(),
                    env(
                        release.config(),
                        web ? shared(app) : Map.of(),
                        dyno,
                        web ? port(app, port, false) : null),
                    false,
                    false,
                    false,
                    platform(app, web, false))));
      }
    }
    return slots;
  }

  /**
   * A one-off dyno on its release (see {@link AppState#releaseOf}); null when there is nothing to
   * run it on.
   */
  public static DynoSpec oneOff(AppState app, OneOff o, int port, boolean tty) {
    Release release = app.releaseOf(o);
    if (release == null || release.slug() == null) return null;
    return new DynoSpec(
        app.name(),
        o.name(),
        DynoNames.type(o.name()),
        release.version(),
        release.slug().id(),
        app.stackImage(),
        0,
        o.command(),
        o.size(),
        o.memoryMb(),
        o.pids(),
        env(release.config(), o.env(), o.name(), port(app, port, true)),
        true,
        o.attach(),
        tty,
        platform(app, true, true));
  }

  /** A platform app's options for one dyno; null for an ordinary app. */
  static DynoSpec.Platform platform(AppState app, boolean wantsPort, boolean oneOff) {
    if (!app.platform()) return null;
    DynoOptions o = app.dynoOptions();
    if (o == null) return DynoSpec.Platform.PLAIN;
    boolean free = o.hostNetwork() && wantsPort;
    return new DynoSpec.Platform(
        o.hostNetwork(),
        free,
        o.mounts().stream()
            .map(m -> new DynoSpec.Mount(m.source(), m.target(), m.readOnly()))
            .toList());
  }

  /**
   * {@code PORT} of a dyno that listens: the manager's port on the dyno network; on the host's
   * network null, for the backend to pick a free one.
   */
  static Integer port(AppState app, int port, boolean oneOff) {
    DynoOptions o = app.platform() ? app.dynoOptions() : null;
    return o == null || !o.hostNetwork() ? port : null;
  }

  /** {@code HOIST_SHARED_PORT} of a web dyno on the host's network whose app has a fixed port. */
  static Map<String, String> shared(AppState app) {
    DynoOptions o = app.platform() ? app.dynoOptions() : null;
    if (o == null || !o.hostNetwork() || o.port() == null) return Map.of();
    return Map.of("HOIST_SHARED_PORT", Integer.toString(o.port()));
  }

  /**
   * Config vars, then the one-off's own variables, then what the platform sets (which always wins).
   */
  static Map<String, String> env(
      Map<String, String> config, Map<String, String> extra, String dyno, Integer port) {
    Map<String, String> env = new HashMap<>(config);
    env.putAll(extra);
    env.put("HOME", "/app");
    env.put("DYNO", dyno);
    if (port != null) env.put("PORT", Integer.toString(port));
    return env;
  }
}
