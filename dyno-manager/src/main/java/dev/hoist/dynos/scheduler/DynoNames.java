package dev.hoist.dynos.scheduler;

/**
 * Container names. A formation dyno's name holds its app, dyno, release, restart generation and the
 * first digits of its spec digest ({@code demo.web.1.v7.3fa9c2}, {@code
 * demo.web.1.v7.mi2k0qbs.3fa9c2} after a restart request), so the old and the new {@code web.1} of
 * a deploy (or of a replacement made from another spec) run side by side, and two passes can never
 * create the same dyno twice: the engine refuses the second name. One-off names are unique already
 * ({@code demo.run.4711}). A scope other than the default one prefixes every name, so test or
 * second managers never collide with the platform's.
 */
public final class DynoNames {
  public static final String DEFAULT_SCOPE = "hoist";

  private DynoNames() {}

  public static String container(String scope, DynoSpec spec) {
    String name =
        spec.oneOff()
            ? spec.app() + "." + spec.dyno()
            : spec.app()
                + "."
                + spec.dyno()
                + ".v"
                + spec.release()
                + (spec.generation() > 0 ? "." + Long.toString(spec.generation(), 36) : "")
                + "."
                + spec.digest().substring(0, 6);
    return DEFAULT_SCOPE.equals(scope) ? name : scope + "." + name;
  }

  /** The process type of a dyno name: {@code web} for {@code web.1}. */
  public static String type(String dyno) {
    int dot = dyno.lastIndexOf('.');
    return dot < 0 ? dyno : dyno.substring(0, dot);
  }
}
