package dev.hoist.dynos.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.internal.WireJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pin file, {@code $home/dynos/pins.json}: {@code {"hoist-api": 12}} makes the dyno manager run
 * release v12 of {@code hoist-api} instead of the one the desired state names, as long as the
 * checkpoint holds v12 (what {@code hoistd platform:rollback} writes, so that a rollback works with
 * the api down). A version may be written {@code 12}, {@code "12"} or {@code "v12"}; no file, or an
 * app not named, means no pin. {@link #refresh} reads it again when it changed (modification time,
 * size or file); a file that cannot be read leaves the pins as they were.
 */
public final class Pins {
  private static final Logger log = LoggerFactory.getLogger(Pins.class);

  private final Path file;
  private List<Object> seen; // what the file looked like when last read
  private Map<String, Integer> pins = Map.of();

  public Pins(Path file) {
    this.file = file;
  }

  public synchronized Map<String, Integer> current() {
    return pins;
  }

  /** Reads the file again if it changed; true when the pins did. */
  public synchronized boolean refresh() {
    List<Object> now = look();
    if (Objects.equals(now, seen)) return false;
    seen = now;
    Map<String, Integer> next;
    try {
      next = now == null ? Map.of() : parse(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      next = Map.of();
    } catch (IOException | RuntimeException e) {
      log.error("cannot read the pins {}, keeping {}: {}", file, pins, e.getMessage());
      return false;
    }
    if (next.equals(pins)) return false;
    log.info("pins now {}", next.isEmpty() ? "none" : next);
    pins = next;
    return true;
  }

  private List<Object> look() {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return java.util.Arrays.asList(a.lastModifiedTime(), a.size(), a.fileKey());
    } catch (IOException e) {
      return null; // no file
    }
  }

  static Map<String, Integer> parse(byte[] json) throws IOException {
    JsonNode root = WireJson.MAPPER.readTree(json);
    if (root == null || root.isMissingNode() || root.isNull()) return Map.of();
    if (!root.isObject()) throw new IOException("not a JSON object of app names to versions");
    Map<String, Integer> out = new LinkedHashMap<>();
    for (var it = root.fields(); it.hasNext(); ) {
      var e = it.next();
      Integer v = version(e.getValue());
      if (v == null) throw new IOException("'" + e.getValue() + "' is not a release version");
      out.put(e.getKey(), v);
    }
    return Map.copyOf(out);
  }

  private static Integer version(JsonNode v) {
    if (v.canConvertToInt() && v.isIntegralNumber()) return v.intValue();
    if (!v.isTextual()) return null;
    String t = v.textValue().trim();
    if (t.startsWith("v")) t = t.substring(1);
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
