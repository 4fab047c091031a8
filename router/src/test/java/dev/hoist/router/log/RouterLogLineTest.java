package dev.hoist.router.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouterLogLineTest {
  @Test
  void formatsASuccessLikeHerokusRouter() {
    assertThat(RouterLogLine.format("info", null, null, "GET", "/", "demo.localhost", "abc", "1.2.3.4", "web.1",
        1, 5, 200, 123, null)).isEqualTo("at=info method=GET path=\"/\" host=demo.localhost request_id=abc "
            + "fwd=\"1.2.3.4\" dyno=web.1 connect=1ms service=5ms status=200 bytes=123 protocol=http");
  }

  @Test
  void formatsAnErrorWithEmptyValuesForWhatNeverHappened() {
    assertThat(RouterLogLine.format("error", "H14", "No web dynos running", "POST", "/a?b=1", "demo.localhost",
        "abc", "1.2.3.4", null, -1, -1, 503, 0, null)).isEqualTo("at=error code=H14 desc=\"No web dynos running\" "
            + "method=POST path=\"/a?b=1\" host=demo.localhost request_id=abc fwd=\"1.2.3.4\" dyno= connect= "
            + "service= status=503 bytes=0 protocol=http");
  }

  @Test
  void namesTheSocketOfAnInterruptedTransfer() {
    assertThat(RouterLogLine.format("error", "H18", "Server Request Interrupted", "GET", "/", "h", "i", "f",
        "web.2", 0, 9, 200, 5, "backend")).endsWith("status=200 bytes=5 protocol=http sock=backend");
  }

  @Test
  void escapesQuotesSoAPathCannotForgeFields() {
    String line = RouterLogLine.format("info", null, null, "GET", "/\" status=999 x=\"", "h", "i", "f", "web.1",
        0, 0, 200, 0, null);

    assertThat(line).contains("path=\"/\\\" status=999 x=\\\"\"");
  }
}
