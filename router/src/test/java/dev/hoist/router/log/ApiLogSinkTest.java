package dev.hoist.router.log;

import static dev.hoist.router.log.ApiLogSink.BATCH;
import static dev.hoist.router.log.ApiLogSink.MAX_WAIT_NANOS;
import static dev.hoist.router.log.ApiLogSink.due;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sender's batching rule, on made-up clock readings. */
class ApiLogSinkTest {
  private static final long SEEN = 7_000_000_000L;

  @Test
  void sendsAFullBatchAtOnce() {
    assertThat(due(BATCH, SEEN, SEEN)).isTrue();
  }

  @Test
  void holdsAPartBatchUntilItsOldestLineHasWaited() {
    assertThat(due(BATCH - 1, SEEN, SEEN + MAX_WAIT_NANOS - 1)).isFalse();
    assertThat(due(1, SEEN, SEEN + MAX_WAIT_NANOS)).isTrue();
  }

  @Test
  void hasNothingToSendWithoutLines() {
    assertThat(due(0, SEEN, SEEN + 10 * MAX_WAIT_NANOS)).isFalse();
  }

  @Test
  void survivesTheNanoClockWrappingAround() {
    assertThat(due(1, Long.MAX_VALUE - 10, Long.MIN_VALUE + MAX_WAIT_NANOS)).isTrue();
    assertThat(due(1, Long.MAX_VALUE - 10, Long.MIN_VALUE)).isFalse();
  }
}
