package dev.hoist.dynos.reconcile;

import dev.hoist.dynos.scheduler.DynoSpec;
import dev.hoist.dynos.scheduler.Observed;
import java.util.Map;

/** Slots and observed dynos for the pure reconcile tests. */
final class Fixtures {
  private Fixtures() {}

  static Slot slot(String dyno, int release) {
    return slot(dyno, release, 0);
  }

  static Slot slot(String dyno, int release, long generation) {
    String type = dyno.substring(0, dyno.indexOf('.'));
    return new Slot(
        new DynoSpec(
            "demo",
            dyno,
            type,
            release,
            "slug",
            null,
            generation,
            "cmd",
            "standard-1X",
            512,
            256,
            Map.of(),
            false,
            false,
            false));
  }

  static Observed observed(String id, String dyno, int release, Observed.Status status) {
    return observed(id, dyno, release, status, 0, 1_000);
  }

  /** A container made from what {@link #slot} asks for, so that it matches that slot. */
  static Observed observed(
      String id,
      String dyno,
      int release,
      Observed.Status status,
      long generation,
      long startedAt) {
    return observed(
        id, dyno, release, status, generation, startedAt, slot(dyno, release, generation).digest());
  }

  static Observed observed(
      String id,
      String dyno,
      int release,
      Observed.Status status,
      long generation,
      long startedAt,
      String spec) {
    String type = dyno.substring(0, dyno.indexOf('.'));
    return new Observed(
        id,
        "demo",
        dyno,
        type,
        release,
        "slug",
        generation,
        startedAt,
        false,
        "cmd",
        "standard-1X",
        512,
        spec,
        status,
        "172.17.0." + Math.abs(id.hashCode() % 200));
  }

  static Dyno up(Observed o) {
    return new Dyno(o, true, false, 0, false, false);
  }

  static Dyno up(String id, String dyno, int release) {
    return new Dyno(
        observed(id, dyno, release, Observed.Status.RUNNING), true, false, 0, false, false);
  }

  static Dyno booting(String id, String dyno, int release) {
    return new Dyno(
        observed(id, dyno, release, Observed.Status.RUNNING), false, false, 0, false, false);
  }

  static Dyno crashed(String id, String dyno, int release) {
    return new Dyno(
        observed(id, dyno, release, Observed.Status.EXITED), false, false, 0, false, true);
  }

  static Dyno draining(String id, String dyno, int release, long ackedAt) {
    return new Dyno(
        observed(id, dyno, release, Observed.Status.RUNNING), true, true, ackedAt, false, false);
  }
}
