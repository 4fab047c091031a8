package dev.hoist.dynos.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
  private final LineSplitter splitter = new LineSplitter();

  private List<String> feed(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return splitter.feed(b, 0, b.length);
  }

  @Test
  void cutsLinesAcrossChunksAndDropsLineEnds() {
    assertThat(feed("one\r\ntw")).containsExactly("one");
    assertThat(feed("o\n\nthr")).containsExactly("two", "");
    assertThat(splitter.flush()).containsExactly("thr");
    assertThat(splitter.flush()).isEmpty();
  }

  @Test
  void splitsLinesLongerThanTenThousandBytes() {
    List<String> out = new ArrayList<>(feed("x".repeat(25_000) + "\n"));
    assertThat(out).extracting(String::length).containsExactly(10_000, 10_000, 5_000);
  }

  @Test
  void neverSplitsInsideAUtf8Character() {
    String line = "a".repeat(9_999) + "é" + "b"; // é takes bytes 10,000 and 10,001
    List<String> out = feed(line + "\n");
    assertThat(out).containsExactly("a".repeat(9_999), "éb");
    assertThat(out.get(0).getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(10_000);
  }
}
