package dev.hoist.dynos.reconcile;

import dev.hoist.dynos.scheduler.DynoSpec;

/**
 * A formation dyno the desired state asks for: {@code web.1} of release 7, restart generation g.
 * Its key names the slot's crash history: a new release or a restart request is a new slot with a
 * clean history.
 */
public record Slot(DynoSpec spec, String digest) {
  /**
   * The digest is taken once here: every pass matches each slot against every container of its app.
   */
  public Slot(DynoSpec spec) {
    this(spec, spec.digest());
  }

  public String app() {
    return spec.app();
  }

  public String dyno() {
    return spec.dyno();
  }

  public String type() {
    return spec.type();
  }

  public boolean web() {
    return spec.web();
  }

  public String key() {
    return key(spec.app(), spec.dyno(), spec.release(), spec.generation());
  }

  public static String key(String app, String dyno, int release, long generation) {
    return app + "/" + dyno + "@v" + release + "." + generation;
  }

  /**
   * Whether a container with these labels is this slot's dyno: same name, release and restart
   * generation, made from the same spec (see {@link DynoSpec#digest()}).
   */
  public boolean matches(Dyno d) {
    return !d.observed().oneOff()
        && d.observed().dyno().equals(spec.dyno())
        && d.observed().release() == spec.release()
        && d.observed().generation() == spec.generation()
        && d.observed().spec().equals(digest);
  }
}
