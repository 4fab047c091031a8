package dev.hoist.router.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CustomPagesTest {
  private static String text(byte[] page) {
    return new String(page, StandardCharsets.UTF_8);
  }

  @Test
  void framesEachUrlInAFullWindowPage() {
    CustomPages pages =
        CustomPages.of("https://pages.example.com/error.html", "http://pages.example.com/away");

    assertThat(text(pages.error()))
        .startsWith("<!DOCTYPE html>")
        .contains(
            "<title>Application error</title>",
            "<iframe src=\"https://pages.example.com/error.html\">");
    assertThat(text(pages.maintenance()))
        .contains(
            "<title>Offline for maintenance</title>",
            "<iframe src=\"http://pages.example.com/away\">");
  }

  @Test
  void keepsTheUrlInsideItsAttribute() {
    // quotes and angle brackets are no URL's (java.net.URI refuses them, and so do the router and
    // the api);
    // what a URL may hold is escaped
    byte[] page = CustomPages.of("https://x.example.com/?a=1&b='x'", null).error();

    assertThat(text(page)).contains("src=\"https://x.example.com/?a=1&amp;b=&#39;x&#39;\"");
    assertThat(CustomPages.usable("https://x.example.com/?b=\"><script>alert(1)</script>"))
        .isFalse();
  }

  @Test
  void ignoresWhatIsNotAnAbsoluteHttpUrl() {
    // each gets the router's own page: no page, rather than a frame of something a browser should
    // not load
    for (String bad :
        new String[] {
          "",
          " ",
          "javascript:alert(1)",
          "ftp://example.com/x",
          "/error.html",
          "example.com/error.html",
          "https://",
          "http://exa mple.com/"
        }) {
      assertThat(CustomPages.usable(bad)).as(bad).isFalse();
      assertThat(CustomPages.of(bad, bad)).as(bad).isSameAs(CustomPages.NONE);
    }
    assertThat(CustomPages.of(null, null)).isSameAs(CustomPages.NONE);
    assertThat(CustomPages.of("HTTPS://Example.com/e", null).error()).isNotNull();
    assertThat(CustomPages.of("https://example.com/e", "nonsense").maintenance()).isNull();
  }
}
