package dev.hoist.dynos.reconcile;

import dev.hoist.dynos.scheduler.DynoNames;
import dev.hoist.dynos.scheduler.DynoSpec;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.OneOff;
import dev.hoist.internal.state.DesiredState.Process;
import dev.hoist.internal.state.DesiredState.Release;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The dynos an app's desired state asks for, with the environment of the dyno contract. */
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
                    env(release.config(), Map.of(), dyno, web ? port : null),
                    false,
                    false,
                    false)));
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
        env(release.config(), o.env(), o.name(), port),
        true,
        o.attach(),
        tty);
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
