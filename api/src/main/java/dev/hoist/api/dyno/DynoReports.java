package dev.hoist.api.dyno;

import dev.hoist.api.slug.Slug;
import dev.hoist.api.web.ApiException;
import dev.hoist.internal.dynos.DynoReport;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the api checks in a dyno report ({@link DynoReport}, the record the dyno manager sends on
 * {@code PUT /internal/apps/{app}/dynos}, defined once in internal-api).
 */
final class DynoReports {
  static final Set<String> STATES = Set.of("starting", "up", "crashed", "down", "idle");
  static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,128}\\.\\d{1,9}$");

  private DynoReports() {}

  /**
   * @throws ApiException 422 naming what is wrong with the report
   */
  static void check(DynoReport r) {
    if (r.name() == null || !NAME.matcher(r.name()).matches())
      throw ApiException.invalid("dyno name '" + r.name() + "' is not TYPE.N");
    if (r.type() == null || !Slug.PROCESS_TYPE.matcher(r.type()).matches())
      throw ApiException.invalid("bad dyno type " + r.type());
    if (r.state() == null || !STATES.contains(r.state()))
      throw ApiException.invalid("dyno state must be one of " + STATES);
    if (r.command() == null || r.size() == null)
      throw ApiException.invalid("dyno " + r.name() + " needs command and size");
    if (r.address() != null && !r.address().matches("^[A-Za-z0-9.:\\[\\]-]{1,100}:\\d{1,5}$")) {
      throw ApiException.invalid(
          "dyno " + r.name() + " has a bad address " + r.address() + ": use host:port");
    }
  }

  /**
   * Dynos are keyed by name and release: during a deploy, web.1 of v7 and web.1 of v8 both exist.
   */
  static String key(DynoReport r) {
    return r.name() + "@" + r.releaseVersion();
  }
}
