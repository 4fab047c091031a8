package dev.hoist.router.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogBatchTest {
  private static final Instant T = Instant.parse("2026-11-21T23:35:40.123456Z");
  private static final String ROCKET = "🚀";
  // Where the host starts in a line's message: a host of N ASCII characters ends at byte HOST_AT +
  // N.
  private static final int HOST_AT = "at=info method=GET path=\"/\" host=".length();

  private final LogBatch batch = new LogBatch();

  private static RouterLogLine line(String path, String host, Instant time) {
    return new RouterLogLine(
        "info", null, null, "GET", path, host, "abc", "1.2.3.4", "web.1", 1, 5, 200, 123, "http",
        null, time);
  }

  /** A line to encode, for the app. */
  private record Line(String app, RouterLogLine line) {}

  private byte[] bytes(Line... lines) {
    batch.clear();
    for (Line l : lines) batch.add(l.app(), l.line());
    assertThat(batch.lines()).isEqualTo(lines.length);
    return Arrays.copyOf(batch.bytes(), batch.size());
  }

  /** The batch as text, refusing anything that is not valid UTF-8. */
  private String text(Line... lines) throws CharacterCodingException {
    return UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes(lines))).toString();
  }

  /** The one line's message: what follows the app and the time. */
  private String message(RouterLogLine line) throws CharacterCodingException {
    String text = text(new Line("demo", line));
    assertThat(text).endsWith("\n").containsOnlyOnce("\n");
    return text.substring("demo ".length() + LogTime.LENGTH + 1, text.length() - 1);
  }

  @Test
  void writesAppTimeAndMessageOneLinePerLogLine() throws Exception {
    RouterLogLine first = line("/", "demo.localhost", T);
    RouterLogLine second = line("/b", "other.localhost", Instant.parse("2026-11-21T23:35:41Z"));

    assertThat(text(new Line("demo", first), new Line("other", second)))
        .isEqualTo(
            "demo 2026-11-21T23:35:40.123456Z "
                + first.format()
                + "\n"
                + "other 2026-11-21T23:35:41.000000Z "
                + second.format()
                + "\n");
  }

  @Test
  void writesNothingForAnEmptyBatch() {
    assertThat(bytes()).isEmpty();
  }

  @Test
  void writesTheUtf8OfTheFormattedText() {
    List<RouterLogLine> lines =
        List.of(
            line("/\"q\" \\ é \u00ff € " + ROCKET, "h\"o\\st\u00e9€" + ROCKET, T),
            line(
                "/lone " + ROCKET.charAt(0) + " and " + ROCKET.charAt(1) + ROCKET.charAt(0),
                "h" + ROCKET.charAt(1),
                T),
            line(
                "/" + "p".repeat(2046) + ROCKET, "host", T), // the path limit falls inside the pair
            line("/", "h" + ROCKET.charAt(0), T)); // a high surrogate at the end of a field

    for (RouterLogLine l : lines) {
      // Both are valid UTF-8, so equal text is equal bytes, and a difference reads better as text.
      assertThat(new String(bytes(new Line("demo", l)), UTF_8))
          .isEqualTo(new String(expected("demo", l), UTF_8));
    }
  }

  @Test
  void replacesControlCharactersSoALineStaysOneLine() throws Exception {
    RouterLogLine l =
        new RouterLogLine(
            "info",
            null,
            null,
            "GE\nT",
            "/a\r\nb",
            "h\r\n\u0000\t\u007f\u001f.x",
            "i\n",
            "f",
            "web.1\n",
            1,
            5,
            200,
            123,
            "http",
            null,
            T);

    assertThat(message(l))
        .isEqualTo(
            "at=info method=GE?T path=\"/a??b\" host=h??????.x request_id=i? fwd=\"f\" "
                + "dyno=web.1? connect=1ms service=5ms status=200 bytes=123 protocol=http");
    assertThat(bytes(new Line("demo", l))).isEqualTo(expected("demo", l));
  }

  @Test
  void cutsAsciiMessagesAtTenThousandBytes() throws Exception {
    RouterLogLine l = line("/", "h".repeat(12_000), T);

    assertThat(message(l)).isEqualTo(l.format().substring(0, 10_000));
  }

  @Test
  void cutsMessagesAtTenThousandBytesOfUtf8WithoutSplittingACharacter() throws Exception {
    for (String c : List.of("é", "€", ROCKET)) {
      int size = c.getBytes(UTF_8).length;
      for (int room = 0; room <= size; room++) {
        // `room` bytes are left for c when it comes: it fits only whole, and nothing after it then
        // does.
        RouterLogLine l = line("/", "h".repeat(10_000 - HOST_AT - room) + c + "tail", T);
        String kept = l.format().substring(0, 10_000 - room);

        assertThat(message(l))
            .as("%s with %d bytes left", c, room)
            .isEqualTo(room == size ? kept + c : kept);
        assertThat(bytes(new Line("demo", l))).isEqualTo(expected("demo", l));
      }
    }
  }

  @Test
  void aLoneSurrogateAtTheCutTakesOneByte() throws Exception {
    RouterLogLine l = line("/", "h".repeat(10_000 - HOST_AT - 1) + ROCKET.charAt(0) + "x", T);

    assertThat(message(l)).hasSize(10_000).endsWith("h?");
  }

  @Test
  void growsForABigBatchAndStartsAfreshEachTime() throws Exception {
    Line big = new Line("demo", line("/", "x".repeat(10_000), T));
    Line[] many = new Line[100];
    Arrays.fill(many, big);

    String all = text(many);
    assertThat(all.split("\n")).hasSize(100).allSatisfy(l -> assertThat(l).hasSize(33 + 10_000));
    assertThat(text(new Line("demo", line("/small", "h", T))))
        .isEqualTo("demo 2026-11-21T23:35:40.123456Z " + line("/small", "h", T).format() + "\n");
  }

  @Test
  void takesAnotherBatchsLinesWholeAndEmptiesIt() throws Exception {
    LogBatch other = new LogBatch();
    for (int i = 0; i < 600; i++)
      other.add("b", line("/" + i, "h", T)); // more than the ends array starts with
    batch.clear();
    batch.add("a", line("/first", "h", T));

    batch.takeAll(other);

    assertThat(other.lines()).isZero();
    assertThat(other.size()).isZero();
    assertThat(batch.lines()).isEqualTo(601);
    String all = new String(batch.bytes(), 0, batch.size(), UTF_8);
    assertThat(all.split("\n")).hasSize(601);
    assertThat(new String(batch.bytes(), 0, batch.sizeOf(2), UTF_8))
        .isEqualTo(
            "a 2026-11-21T23:35:40.123456Z "
                + line("/first", "h", T).format()
                + "\n"
                + "b 2026-11-21T23:35:40.123456Z "
                + line("/0", "h", T).format()
                + "\n");
    assertThat(batch.sizeOf(601)).isEqualTo(batch.size());
    assertThat(batch.sizeOf(0)).isZero();
  }

  @Test
  void dropsItsFirstLinesAndKeepsTheRestInOrder() {
    batch.clear();
    for (int i = 0; i < 5; i++) batch.add("demo", line("/" + i, "h", T));
    String rest = new String(batch.bytes(), batch.sizeOf(2), batch.size() - batch.sizeOf(2), UTF_8);

    batch.dropFirst(2);

    assertThat(batch.lines()).isEqualTo(3);
    assertThat(new String(batch.bytes(), 0, batch.size(), UTF_8))
        .isEqualTo(rest)
        .startsWith("demo ")
        .contains("path=\"/2\"");
    assertThat(new String(batch.bytes(), 0, batch.sizeOf(1), UTF_8))
        .contains("path=\"/2\"")
        .doesNotContain("path=\"/3\"");
    batch.dropFirst(3);
    assertThat(batch.lines()).isZero();
    assertThat(batch.size()).isZero();
  }

  /**
   * The line from the rules alone, by way of String: {@code getBytes(UTF_8)} of the formatted text,
   * control bytes as {@code ?}, cut at 10,000 bytes and back to where a character starts.
   */
  private static byte[] expected(String app, RouterLogLine line) {
    byte[] message = line.format().getBytes(UTF_8);
    int end = Math.min(message.length, 10_000);
    while (end < message.length && (message[end] & 0xC0) == 0x80)
      end--; // inside a character: before it
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        (app
                + " "
                + DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                    .withZone(ZoneOffset.UTC)
                    .format(line.time())
                + " ")
            .getBytes(UTF_8));
    for (int i = 0; i < end; i++) {
      byte b = message[i];
      out.write(b >= 0 && b < 0x20 || b == 0x7f ? '?' : b);
    }
    out.write('\n');
    return out.toByteArray();
  }
}
