package dev.hoist.router.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogBatchTest {
  private final LogBatch batch = new LogBatch();

  private JsonNode encode(LogBatch.Line... lines) throws Exception {
    byte[] json = batch.encode(List.of(lines));
    return new ObjectMapper().readTree(Arrays.copyOf(json, batch.size()));
  }

  @Test
  void writesTheApisLineShape() throws Exception {
    JsonNode json = encode(new LogBatch.Line("demo", Instant.parse("2026-11-21T23:35:40.123456Z"), "at=info"),
        new LogBatch.Line("other", Instant.parse("2026-11-21T23:35:41Z"), "second"));

    assertThat(json).hasSize(2);
    assertThat(json.get(0).toString()).isEqualTo("{\"app\":\"demo\",\"source\":\"hoist\",\"dyno\":\"router\","
        + "\"time\":\"2026-11-21T23:35:40.123456Z\",\"message\":\"at=info\"}");
    assertThat(json.get(1).get("app").asText()).isEqualTo("other");
  }

  @Test
  void escapesWhatJsonNeedsAndKeepsUnicode() throws Exception {
    String message = "path=\"/a\\b\" tab\there\nnew line \u0001 ünïcödé 🚀";

    JsonNode json = encode(new LogBatch.Line("demo", Instant.now(), message));

    assertThat(json.get(0).get("message").asText()).isEqualTo(message);
  }

  @Test
  void growsForABigBatchAndStartsAfreshEachTime() throws Exception {
    LogBatch.Line big = new LogBatch.Line("demo", Instant.now(), "x".repeat(10_000));
    LogBatch.Line[] many = new LogBatch.Line[100];
    Arrays.fill(many, big);

    assertThat(encode(many)).hasSize(100);
    assertThat(encode(new LogBatch.Line("demo", Instant.now(), "small"))).hasSize(1);
  }
}
