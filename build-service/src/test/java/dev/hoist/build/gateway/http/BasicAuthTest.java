package dev.hoist.build.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicAuthTest {
  @Test
  void takesThePasswordAsTheApiKeyWhateverTheUserName() {
    assertThat(BasicAuth.apiKey(basic("dev@example.com:KEY"))).hasValue("KEY");
    assertThat(BasicAuth.apiKey(basic(":KEY"))).hasValue("KEY");
    assertThat(BasicAuth.apiKey(basic("x:KEY:with:colons"))).hasValue("KEY:with:colons");
  }

  @Test
  void findsNoKeyInMissingEmptyOrMalformedHeaders() {
    assertThat(BasicAuth.apiKey(null)).isEmpty();
    assertThat(BasicAuth.apiKey(basic("user:"))).isEmpty();
    assertThat(BasicAuth.apiKey(basic("no-colon"))).isEmpty();
    assertThat(BasicAuth.apiKey("Basic %%%")).isEmpty();
    assertThat(BasicAuth.apiKey("Bearer KEY")).isEmpty();
  }

  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
