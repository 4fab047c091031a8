package dev.hoist.dynos.checkpoint;

import dev.hoist.internal.state.DesiredState;
import dev.hoist.internal.state.DesiredState.AppState;
import dev.hoist.internal.state.DesiredState.DynoOptions;
import dev.hoist.internal.state.DesiredState.Mount;
import dev.hoist.internal.state.DesiredState.Process;
import dev.hoist.internal.state.DesiredState.Release;
import dev.hoist.internal.state.DesiredState.Slug;
import java.util.List;
import java.util.Map;

/** Desired states for the checkpoint tests. */
final class States {
  private States() {}

  static Release release(String app, int version) {
    return new Release(
        app + "-r" + version,
        version,
        new Slug(
            app + "-s" + version,
            Map.of("web", "bin/web v" + version),
            "SHA256:" + version,
            "http://api/blobs/" + app + version + "?signature=x"),
        Map.of("SECRET", "s3cr3t-" + version));
  }

  static AppState platform(String name, int version) {
    return new AppState(
        "id-" + name,
        name,
        "hoist/stack-run:current",
        release(name, version),
        List.of(new Process("web", 2, "standard-1X", 512, 256, "bin/web v" + version)),
        Map.of("*", 7L),
        List.of(),
        true,
        new DynoOptions(true, null, List.of(new Mount("/var/lib/hoist/blobs", "/blobs", false))));
  }

  static AppState ordinary(String name, int version) {
    return new AppState(
        "id-" + name,
        name,
        null,
        release(name, version),
        List.of(new Process("web", 1, "standard-1X", 512, 256, "bin/web v" + version)),
        Map.of(),
        List.of());
  }

  static DesiredState state(long revision, AppState... apps) {
    return new DesiredState(revision, List.of(apps));
  }
}
