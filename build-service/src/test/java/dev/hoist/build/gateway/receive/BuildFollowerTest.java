package dev.hoist.build.gateway.receive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.internal.InternalApi;
import dev.hoist.internal.builds.BuildRecords.Build;
import dev.hoist.internal.builds.GatewayApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildFollowerTest {
  /** Output streams and build states served in turn, as the api would over time. */
  static final class ScriptedApi extends GatewayApi {
    final Deque<InputStream> streams = new ArrayDeque<>();
    final Deque<String> statuses = new ArrayDeque<>();

    ScriptedApi() {
      super(new InternalApi("http://127.0.0.1:9", "unused"));
    }

    @Override
    public InputStream output(Build build) {
      return streams.isEmpty() ? new ByteArrayInputStream(new byte[0]) : streams.poll();
    }

    @Override
    public Build build(String app, String id) {
      return new Build(
          id, null, statuses.isEmpty() ? "succeeded" : statuses.poll(), "/out", null, null);
    }
  }

  private final Build build = new Build("b1", null, "pending", "/out", null, null);

  @Test
  void showsEveryLineOfTheOutputThenReturnsTheFinishedBuild() throws Exception {
    ScriptedApi api = new ScriptedApi();
    api.streams.add(text("-----> one\n       two\n"));
    api.statuses.add("failed");
    List<String> shown = new ArrayList<>();

    Build done = new BuildFollower(api, Duration.ofSeconds(10)).follow("demo", build, shown::add);

    assertThat(shown).containsExactly("-----> one", "       two");
    assertThat(done.status()).isEqualTo("failed");
  }

  @Test
  void picksUpABrokenStreamWhereItLeftOffWithoutRepeatingLines() throws Exception {
    ScriptedApi api = new ScriptedApi();
    api.streams.add(new SequenceInputStream(text("one\ntwo\n"), broken()));
    api.streams.add(text("one\ntwo\nthree\n"));
    api.statuses.add("building");
    api.statuses.add("succeeded");
    List<String> shown = new ArrayList<>();

    Build done = new BuildFollower(api, Duration.ofSeconds(10)).follow("demo", build, shown::add);

    assertThat(shown).containsExactly("one", "two", "three");
    assertThat(done.status()).isEqualTo("succeeded");
  }

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static InputStream broken() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    };
  }
}
