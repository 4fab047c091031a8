package dev.hoist.dynos.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/**
 * A dyno's memory use from the engine's {@code GET /containers/ID/stats} answer, computed as {@code
 * docker stats} computes it: the cgroup's usage less its inactive file cache ({@code
 * total_inactive_file} under cgroup v1, {@code inactive_file} under v2), that is resident memory
 * and the kernel's own, without the page cache the kernel drops first; plus swap when the engine
 * reports it (cgroup v1's {@code total_swap}; with the swap limit equal to the memory limit a dyno
 * has none). The same figure an operator sees in {@code docker stats}.
 */
final class MemoryStats {
  private MemoryStats() {}

  /**
   * Empty when the answer carries no usage: the container is not running (the engine answers with
   * zeros).
   */
  static OptionalLong used(JsonNode answer) {
    JsonNode memory = answer.path("memory_stats");
    long usage = memory.path("usage").asLong(0);
    if (usage <= 0) return OptionalLong.empty();
    JsonNode stats = memory.path("stats");
    JsonNode v1 = stats.get("total_inactive_file");
    long inactive = v1 != null ? v1.asLong() : stats.path("inactive_file").asLong(0);
    long resident =
        inactive < usage ? usage - inactive : usage; // the engine's own guard against a racy read
    return OptionalLong.of(resident + stats.path("total_swap").asLong(0));
  }
}
