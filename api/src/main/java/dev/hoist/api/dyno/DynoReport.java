package dev.hoist.api.dyno;

import dev.hoist.api.slug.Slug;
import dev.hoist.api.web.ApiException;
import java.util.Set;
import java.util.regex.Pattern;

/** One observed dyno, as the dyno manager reports it on {@code PUT /internal/apps/{app}/dynos}. */
public record DynoReport(
    String name,
    String type,
    String state,
    String command,
    String size,
    Integer releaseVersion,
    String containerId,
    String address,
    Boolean routable,
    Integer exitCode) {
  static final Set<String> STATES = Set.of("starting", "up", "crashed", "down", "idle");
  static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,128}\\.\\d{1,9}$");

  void check() {
    if (name == null || !NAME.matcher(name).matches())
      throw ApiException.invalid("dyno name '" + name + "' is not TYPE.N");
    if (type == null || !Slug.PROCESS_TYPE.matcher(type).matches())
      throw ApiException.invalid("bad dyno type " + type);
    if (state == null || !STATES.contains(state))
      throw ApiException.invalid("dyno state must be one of " + STATES);
    if (command == null || size == null)
      throw ApiException.invalid("dyno " + name + " needs command and size");
    if (address != null && !address.matches("^[A-Za-z0-9.:\\[\\]-]{1,100}:\\d{1,5}$")) {
      throw ApiException.invalid(
          "dyno " + name + " has a bad address " + address + ": use host:port");
    }
  }

  /**
   * Dynos are keyed by name and release: during a deploy, web.1 of v7 and web.1 of v8 both exist.
   */
  String key() {
    return name + "@" + releaseVersion;
  }
}
