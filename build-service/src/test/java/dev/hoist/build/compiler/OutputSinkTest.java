package dev.hoist.build.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.internal.InternalApi;
import dev.hoist.internal.InternalApiException;
import dev.hoist.internal.builds.BuilderApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutputSinkTest {
  /** An api that takes output batches, failing the first {@code failures} calls. */
  static final class RecordingApi extends BuilderApi {
    final List<List<String>> batches = new CopyOnWriteArrayList<>();
    final AtomicInteger failures;
    final int status;

    RecordingApi(int failures, int status) {
      super(new InternalApi("http://127.0.0.1:9", "unused"));
      this.failures = new AtomicInteger(failures);
      this.status = status;
    }

    @Override
    public void output(String buildId, List<String> lines) throws IOException {
      if (failures.getAndDecrement() > 0)
        throw new InternalApiException(status, "x", "refused for the test");
      batches.add(new ArrayList<>(lines));
    }

    List<String> all() {
      return batches.stream().flatMap(List::stream).toList();
    }
  }

  @Test
  void sendsEveryLineInOrderInFewerRequestsThanLines() {
    RecordingApi api = new RecordingApi(0, 0);
    OutputSink sink = new OutputSink(api, "b1");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      lines.add("line " + i);
      sink.line("line " + i);
    }

    sink.close();

    assertThat(api.all()).isEqualTo(lines);
    assertThat(api.batches.size()).isLessThan(1000);
  }

  @Test
  void sendsABatchAgainAfterTheApiCouldNotTakeItKeepingTheOrder() {
    RecordingApi api = new RecordingApi(2, 503);
    OutputSink sink = new OutputSink(api, "b2");
    sink.line("one");
    sink.line("two");

    sink.close();

    assertThat(api.all()).containsExactly("one", "two");
  }

  @Test
  void dropsABatchTheApiRefusedForGood() {
    RecordingApi api = new RecordingApi(1, 409);
    OutputSink sink = new OutputSink(api, "b3");
    sink.line("refused");

    sink.close();

    assertThat(api.all()).isEmpty();
  }

  @Test
  void cutsOverlongLinesAndRemembersTheLastOne() {
    RecordingApi api = new RecordingApi(0, 0);
    OutputSink sink = new OutputSink(api, "b4");
    sink.line("x".repeat(20_000));
    sink.line(" !     Build failed: why");

    sink.close();

    assertThat(api.all().get(0)).hasSize(10_000);
    assertThat(sink.lastLine()).isEqualTo(" !     Build failed: why");
  }
}
