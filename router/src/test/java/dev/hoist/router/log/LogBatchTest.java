package dev.hoist.router.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogBatchTest {
  private static final Instant T = Instant.parse("2026-11-21T23:35:40.123456Z");

  private final LogBatch batch = new LogBatch();

  private static RouterLogLine line(String path, String host, Instant time) {
    return new RouterLogLine("info", null, null, "GET", path, host, "abc", "1.2.3.4", "web.1", 1, 5, 200, 123,
        null, time);
  }

  private JsonNode encode(LogBatch.Line... lines) throws Exception {
    return new ObjectMapper().readTree(bytes(lines));
  }

  private byte[] bytes(LogBatch.Line... lines) {
    byte[] json = batch.encode(List.of(lines));
    return Arrays.copyOf(json, batch.size());
  }

  @Test
  void writesTheApisLineShape() throws Exception {
    RouterLogLine first = line("/", "demo.localhost", T);
    JsonNode json = encode(new LogBatch.Line("demo", first),
        new LogBatch.Line("other", line("/", "other.localhost", Instant.parse("2026-11-21T23:35:41Z"))));

    assertThat(json).hasSize(2);
    assertThat(json.get(0).toString()).isEqualTo("{\"app\":\"demo\",\"source\":\"hoist\",\"dyno\":\"router\","
        + "\"time\":\"2026-11-21T23:35:40.123456Z\",\"message\":\"" + first.format().replace("\"", "\\\"") + "\"}");
    assertThat(json.get(1).get("app").asText()).isEqualTo("other");
    assertThat(json.get(1).get("time").asText()).isEqualTo("2026-11-21T23:35:41.000000Z");
  }

  @Test
  void escapesWhatJsonNeedsAndKeepsUnicode() throws Exception {
    String text = "\"/a\\b\" tab\there\nnew line \u0001 ünïcödé 🚀";
    RouterLogLine line = line(text, text, T);

    JsonNode json = encode(new LogBatch.Line("demo", line));

    assertThat(json.get(0).get("message").asText()).isEqualTo(line.format());
  }

  @Test
  void writesTheBytesOfEscapingTheFormattedText() {
    String rocket = "🚀";
    int hostAt = "at=info method=GET path=\"/\" host=".length();
    List<RouterLogLine> lines = List.of(
        line("/\"q\" \\ \t \u007f é \u00ff € " + rocket, "h\"o\\st\u0001\u007f\u00e9" + rocket, T),
        line("/lone " + rocket.charAt(0) + " and " + rocket.charAt(1) + rocket.charAt(0), "h" + rocket.charAt(1), T),
        line("/" + "p".repeat(2046) + rocket, "host", T), // the path limit falls inside the pair
        line("/", "h".repeat(10_000 - 1 - hostAt) + rocket + "tail", T), // and so does the message limit
        line("/", "h".repeat(10_000 - 2 - hostAt) + rocket + "tail", T)); // the message limit follows the pair

    for (RouterLogLine l : lines) {
      // Both are valid UTF-8, so equal text is equal bytes, and a difference reads better as text.
      assertThat(new String(bytes(new LogBatch.Line("demo", l)), StandardCharsets.UTF_8))
          .isEqualTo(new String(escapedTheOldWay("demo", l), StandardCharsets.UTF_8));
    }
  }

  @Test
  void cutsMessagesAtTenThousandCharacters() throws Exception {
    RouterLogLine line = line("/", "h".repeat(12_000), T);

    JsonNode json = encode(new LogBatch.Line("demo", line));

    assertThat(json.get(0).get("message").asText()).isEqualTo(line.format().substring(0, 10_000));
  }

  @Test
  void growsForABigBatchAndStartsAfreshEachTime() throws Exception {
    LogBatch.Line big = new LogBatch.Line("demo", line("/", "x".repeat(10_000), T));
    LogBatch.Line[] many = new LogBatch.Line[100];
    Arrays.fill(many, big);

    assertThat(encode(many)).hasSize(100);
    assertThat(encode(new LogBatch.Line("demo", line("/small", "h", T)))).hasSize(1);
  }

  /** The batch as it was written before lines wrote themselves: format(), cut, getBytes, escape. */
  private static byte[] escapedTheOldWay(String app, RouterLogLine line) {
    String message = line.format();
    if (message.length() > 10_000) message = message.substring(0, 10_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("[{\"app\":\"".getBytes(StandardCharsets.US_ASCII));
    escapeTheOldWay(app, out);
    out.writeBytes(("\",\"source\":\"hoist\",\"dyno\":\"router\",\"time\":\""
        + DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC).format(line.time())
        + "\",\"message\":\"").getBytes(StandardCharsets.US_ASCII));
    escapeTheOldWay(message, out);
    out.writeBytes("\"}]".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static void escapeTheOldWay(String s, ByteArrayOutputStream out) {
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      if (b == '"' || b == '\\') {
        out.write('\\');
        out.write(b);
      } else if (b >= 0 && b < 0x20) {
        out.writeBytes(String.format("\\u%04x", b).getBytes(StandardCharsets.US_ASCII));
      } else {
        out.write(b);
      }
    }
  }
}
