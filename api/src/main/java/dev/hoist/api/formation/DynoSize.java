package dev.hoist.api.formation;

import dev.hoist.api.web.ApiException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The dyno sizes, named as Heroku's. The dyno manager turns memory into the container's hard limit
 * and pids into its process-count limit.
 */
public enum DynoSize {
  ECO("eco", 512, 256),
  BASIC("basic", 512, 256),
  STANDARD_1X("standard-1X", 512, 256),
  STANDARD_2X("standard-2X", 1024, 512),
  PERFORMANCE_M("performance-M", 2560, 16384),
  PERFORMANCE_L("performance-L", 14336, 32768);

  public static final DynoSize DEFAULT = STANDARD_1X;

  private final String label;
  private final int memoryMb;
  private final int pids;

  DynoSize(String label, int memoryMb, int pids) {
    this.label = label;
    this.memoryMb = memoryMb;
    this.pids = pids;
  }

  public String label() {
    return label;
  }

  public int memoryMb() {
    return memoryMb;
  }

  public int pids() {
    return pids;
  }

  /**
   * Any case: {@code standard-2x}, {@code Standard-2X} and {@code STANDARD-2X} name the same size.
   */
  public static DynoSize parse(String name) {
    return Arrays.stream(values())
        .filter(s -> s.label.equalsIgnoreCase(name == null ? "" : name.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.invalid(
                    "size '"
                        + name
                        + "' is not one of "
                        + Arrays.stream(values())
                            .map(DynoSize::label)
                            .collect(Collectors.joining(", "))));
  }
}
