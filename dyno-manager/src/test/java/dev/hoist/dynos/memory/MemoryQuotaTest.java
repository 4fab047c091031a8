package dev.hoist.dynos.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryQuotaTest {
  private static final long MB = 1024 * 1024;

  @Test
  void writesTheTwoLinesAsHerokuDoes() {
    assertThat(MemoryQuota.exceeded(620 * MB, 512))
        .containsExactly("Process running mem=620MB(121.1%)", "Error R14 (Memory quota exceeded)");
  }

  @Test
  void saysNothingAtOrBelowTheQuota() {
    assertThat(MemoryQuota.exceeded(100 * MB, 512)).isEmpty();
    assertThat(MemoryQuota.exceeded(512 * MB, 512))
        .as("exactly the quota is not above it")
        .isEmpty();
  }

  @Test
  void speaksFromTheFirstByteAboveTheQuota() {
    assertThat(MemoryQuota.exceeded(512 * MB + 1, 512))
        .containsExactly("Process running mem=512MB(100.0%)", "Error R14 (Memory quota exceeded)");
  }

  @Test
  void saysNothingForADynoWithoutAQuota() {
    assertThat(MemoryQuota.exceeded(620 * MB, 0)).isEmpty();
  }

  @Test
  void roundsThePercentToOneDecimalWithHalvesUp() {
    long quota = 1000 * MB;
    long halfPast = quota + quota / 2000; // exactly 100.05 %
    assertThat(MemoryQuota.usage(halfPast, quota)).endsWith("(100.1%)");
    assertThat(MemoryQuota.usage(halfPast - 1, quota)).endsWith("(100.0%)");
    assertThat(MemoryQuota.usage(2 * quota, quota)).endsWith("(200.0%)");
    assertThat(MemoryQuota.usage(1033 * MB, 1000 * MB)).isEqualTo("mem=1033MB(103.3%)");
  }

  @Test
  void roundsMegabytesToTheNearestWhole() {
    assertThat(MemoryQuota.usage(620 * MB + MB / 2, 512 * MB)).startsWith("mem=621MB(");
    assertThat(MemoryQuota.usage(620 * MB + MB / 2 - 1, 512 * MB)).startsWith("mem=620MB(");
  }
}
