package dev.hoist.api.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.hoist.api.web.ApiException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a platform app's dynos run beyond the dyno contract: on the host's network, on one fixed
 * {@code $PORT}, with host directories mounted. Only the seed sets them ({@code PUT
 * /internal/platform-apps/{name}}); no public endpoint can, so an ordinary app never gets them.
 *
 * <p>Stored in {@code apps.dyno_options} as snake_case JSON, the shape of the wire. Reading the
 * stored form ignores fields it does not know: during a deploy an older api reads what a newer one
 * wrote.
 *
 * @param hostNetwork the dynos share the host's network
 * @param port with {@code hostNetwork}, the {@code $PORT} every dyno binds; null for a free port
 * @param mounts host directories the dynos see; never null
 */
public record DynoOptions(boolean hostNetwork, Integer port, List<Mount> mounts) {
  public static final int MAX_MOUNTS = 8;
  static final int MAX_PATH = 1024;

  private static final ObjectMapper STORED =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public DynoOptions {
    // Not List.copyOf: a null element must reach checked() and its message, not fail in Jackson.
    mounts = mounts == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(mounts));
  }

  /** A host directory ({@code source}) that dynos see at {@code target}. */
  public record Mount(String source, String target, boolean readOnly) {}

  /**
   * The options as sent, or a 422 that names the first rule broken: {@code port} from 1 to 65535
   * and only with {@code host_network}; at most {@value #MAX_MOUNTS} mounts, each with an absolute
   * {@code source} and {@code target} free of {@code ..} segments, no two at one target.
   */
  static DynoOptions checked(DynoOptions options) {
    if (options == null) return null;
    if (options.port() != null) {
      if (options.port() < 1 || options.port() > 65535)
        throw ApiException.invalid(
            "dyno_options.port must be from 1 to 65535, not " + options.port());
      if (!options.hostNetwork())
        throw ApiException.invalid(
            "dyno_options.port needs host_network: true (a fixed port is a port on the host)");
    }
    if (options.mounts().size() > MAX_MOUNTS)
      throw ApiException.invalid(
          "dyno_options.mounts lists "
              + options.mounts().size()
              + " mounts; at most "
              + MAX_MOUNTS
              + " are allowed");
    Set<String> targets = new HashSet<>();
    for (int i = 0; i < options.mounts().size(); i++) {
      Mount m = options.mounts().get(i);
      String where = "dyno_options.mounts[" + i + "]";
      if (m == null) throw ApiException.invalid(where + " is null");
      checkPath(where + ".source", m.source());
      checkPath(where + ".target", m.target());
      if (!targets.add(m.target()))
        throw ApiException.invalid(where + ".target " + m.target() + " is mounted twice");
    }
    return options;
  }

  private static void checkPath(String field, String path) {
    if (path == null || path.isEmpty()) throw ApiException.invalid(field + " is required");
    if (path.length() > MAX_PATH)
      throw ApiException.invalid(field + " is longer than " + MAX_PATH + " characters");
    if (!path.startsWith("/"))
      throw ApiException.invalid(field + " must be an absolute path, not '" + path + "'");
    if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f))
      throw ApiException.invalid(field + " must not hold control characters");
    for (String segment : path.split("/")) {
      if (segment.equals(".."))
        throw ApiException.invalid(field + " must not hold '..' segments: '" + path + "'");
    }
  }

  /** The stored JSON form of {@code options} (null for none). */
  static Map<String, Object> stored(DynoOptions options) {
    if (options == null) return null;
    @SuppressWarnings("unchecked")
    Map<String, Object> json = STORED.convertValue(options, LinkedHashMap.class);
    return json;
  }

  /** Options read back from their stored JSON (null for none). */
  public static DynoOptions fromStored(Map<String, Object> json) {
    return json == null ? null : STORED.convertValue(json, DynoOptions.class);
  }
}
