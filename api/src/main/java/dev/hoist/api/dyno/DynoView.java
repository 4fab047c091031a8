package dev.hoist.api.dyno;

import dev.hoist.api.app.App;
import dev.hoist.api.app.AppRef;
import java.time.Instant;
import java.util.UUID;

/**
 * A dyno as the api shows it: to users in {@code GET /apps/{app}/dynos}, and back to the dyno
 * manager.
 */
record DynoView(
    UUID id,
    String name,
    String type,
    String state,
    String command,
    String size,
    Integer exitCode,
    ReleaseRef release,
    AppRef app,
    Instant createdAt,
    Instant updatedAt) {
  static DynoView of(App app, Dyno d) {
    return new DynoView(
        d.id(),
        d.name(),
        d.type(),
        d.state(),
        d.command(),
        d.size(),
        d.exitCode(),
        new ReleaseRef(d.releaseVersion()),
        AppRef.of(app),
        d.createdAt(),
        d.updatedAt());
  }

  record ReleaseRef(Integer version) {}
}
