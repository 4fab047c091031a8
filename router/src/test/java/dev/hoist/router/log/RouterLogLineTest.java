package dev.hoist.router.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RouterLogLineTest {
  private static final Instant T = Instant.parse("2026-11-21T23:35:40Z");

  @Test
  void formatsASuccessLikeHerokusRouter() {
    assertThat(
            new RouterLogLine(
                    "info",
                    null,
                    null,
                    "GET",
                    "/",
                    "demo.localhost",
                    "abc",
                    "1.2.3.4",
                    "web.1",
                    1,
                    5,
                    200,
                    123,
                    "http",
                    null,
                    T)
                .format())
        .isEqualTo(
            "at=info method=GET path=\"/\" host=demo.localhost request_id=abc "
                + "fwd=\"1.2.3.4\" dyno=web.1 connect=1ms service=5ms status=200 bytes=123 protocol=http");
  }

  @Test
  void formatsAnErrorWithEmptyValuesForWhatNeverHappened() {
    assertThat(
            new RouterLogLine(
                    "error",
                    "H14",
                    "No web dynos running",
                    "POST",
                    "/a?b=1",
                    "demo.localhost",
                    "abc",
                    "1.2.3.4",
                    null,
                    -1,
                    -1,
                    503,
                    0,
                    "http",
                    null,
                    T)
                .format())
        .isEqualTo(
            "at=error code=H14 desc=\"No web dynos running\" "
                + "method=POST path=\"/a?b=1\" host=demo.localhost request_id=abc fwd=\"1.2.3.4\" dyno= "
                + "connect= service= status=503 bytes=0 protocol=http");
  }

  @Test
  void namesTheSocketOfAnInterruptedTransfer() {
    assertThat(
            new RouterLogLine(
                    "error",
                    "H18",
                    "Server Request Interrupted",
                    "GET",
                    "/",
                    "h",
                    "i",
                    "f",
                    "web.2",
                    0,
                    9,
                    200,
                    5,
                    "http",
                    "backend",
                    T)
                .format())
        .endsWith("status=200 bytes=5 protocol=http sock=backend");
  }

  @Test
  void escapesQuotesSoAPathCannotForgeFields() {
    String line =
        new RouterLogLine(
                "info",
                null,
                null,
                "GET",
                "/\" status=999 x=\"",
                "h",
                "i",
                "f",
                "web.1",
                0,
                0,
                200,
                0,
                "http",
                null,
                T)
            .format();

    assertThat(line).contains("path=\"/\\\" status=999 x=\\\"\"");
  }

  @Test
  void replacesControlCharactersInQuotedValuesAndCutsLongPaths() {
    RouterLogLine line =
        new RouterLogLine(
            "info",
            null,
            null,
            "GET",
            "/a\nb\u007f" + "x".repeat(3000),
            "h",
            "i",
            "f\\",
            "web.1",
            0,
            0,
            200,
            0,
            "http",
            null,
            T);

    assertThat(line.format())
        .contains("path=\"/a?b?" + "x".repeat(2043) + "\" host=", "fwd=\"f\\\\\"");
    assertThat(line.toString()).isEqualTo(line.format());
  }
}
