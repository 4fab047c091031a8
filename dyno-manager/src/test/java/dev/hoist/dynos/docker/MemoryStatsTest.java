package dev.hoist.dynos.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MemoryStatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The shape Docker 20.10 answers on cgroup v1 (figures from this machine), trimmed. */
  @Test
  void takesTheInactiveFileCacheOffTheUsageUnderCgroupV1() throws Exception {
    JsonNode answer =
        JSON.readTree(
            """
        {"memory_stats": {"usage": 1011712, "max_usage": 4329472, "limit": 67108864, "stats": {
          "cache": 364544, "rss": 102400, "inactive_file": 20480, "active_file": 344064,
          "total_cache": 364544, "total_rss": 102400, "total_inactive_file": 20480, "total_active_file": 344064}}}
        """);
    assertThat(MemoryStats.used(answer)).hasValue(1011712 - 20480);
  }

  @Test
  void takesTheInactiveFileCacheOffTheUsageUnderCgroupV2() throws Exception {
    JsonNode answer =
        JSON.readTree(
            """
        {"memory_stats": {"usage": 650117120, "limit": 1073741824, "stats": {
          "anon": 640000000, "file": 9000000, "active_file": 1000000, "inactive_file": 8000000}}}
        """);
    assertThat(MemoryStats.used(answer)).hasValue(650117120 - 8000000);
  }

  @Test
  void countsSwapWhenTheEngineReportsIt() throws Exception {
    JsonNode answer =
        JSON.readTree(
            """
        {"memory_stats": {"usage": 1000, "stats": {"total_inactive_file": 100, "total_swap": 5000}}}
        """);
    assertThat(MemoryStats.used(answer)).hasValue(900 + 5000);
  }

  @Test
  void keepsTheUsageWhenTheCacheFigureIsAheadOfIt() throws Exception {
    JsonNode answer =
        JSON.readTree(
            """
        {"memory_stats": {"usage": 1000, "stats": {"total_inactive_file": 4000}}}
        """);
    assertThat(MemoryStats.used(answer)).hasValue(1000);
  }

  @Test
  void hasNothingForAContainerThatDoesNotRun() throws Exception {
    assertThat(
            MemoryStats.used(
                JSON.readTree("{\"read\": \"0001-01-01T00:00:00Z\", \"memory_stats\": {}}")))
        .isEmpty();
  }
}
