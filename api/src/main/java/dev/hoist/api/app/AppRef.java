package dev.hoist.api.app;

import java.util.UUID;

/** How other resources name their app in JSON: {@code "app": {"id": "...", "name": "demo"}}. */
public record AppRef(UUID id, String name) {
  public static AppRef of(App app) {
    return new AppRef(app.id(), app.name());
  }
}
