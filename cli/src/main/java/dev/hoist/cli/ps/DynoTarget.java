package dev.hoist.cli.ps;

/** How {@code ps:restart} and {@code ps:stop} name what they acted on. */
final class DynoTarget {

  private DynoTarget() {}

  /** {@code web.1 dyno} for a dyno name, {@code web dynos} for a process type. */
  static String describe(String dynoOrType) {
    return dynoOrType.contains(".") ? dynoOrType + " dyno" : dynoOrType + " dynos";
  }
}
