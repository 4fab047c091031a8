package dev.hoist.dynos.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinsTest {
  @TempDir Path dir;

  @Test
  void readsVersionsWrittenAsNumbersOrNames() throws Exception {
    Path file = dir.resolve("pins.json");
    Files.writeString(
        file, "{\"hoist-api\": 12, \"hoist-router\": \"v7\", \"hoist-gateway\": \"3\"}");
    Pins pins = new Pins(file);
    assertThat(pins.refresh()).isTrue();
    assertThat(pins.current())
        .isEqualTo(Map.of("hoist-api", 12, "hoist-router", 7, "hoist-gateway", 3));
  }

  @Test
  void seesAChangeOnlyWhenTheFileChanged() throws Exception {
    Path file = dir.resolve("pins.json");
    Pins pins = new Pins(file);
    assertThat(pins.refresh()).as("no file, no pins, nothing new").isFalse();
    Files.writeString(file, "{\"hoist-api\": 12}");
    assertThat(pins.refresh()).isTrue();
    assertThat(pins.refresh()).isFalse();
    Files.writeString(file, "{\"hoist-api\": 11}"); // same size: another file time
    Files.setLastModifiedTime(
        file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    assertThat(pins.refresh()).isTrue();
    assertThat(pins.current()).isEqualTo(Map.of("hoist-api", 11));
    Files.delete(file);
    assertThat(pins.refresh()).isTrue();
    assertThat(pins.current()).isEmpty();
  }

  @Test
  void keepsThePinsItHadWhenTheFileCannotBeRead() throws Exception {
    Path file = dir.resolve("pins.json");
    Files.writeString(file, "{\"hoist-api\": 12}");
    Pins pins = new Pins(file);
    pins.refresh();
    Files.writeString(file, "{\"hoist-api\": \"latest\"}");
    assertThat(pins.refresh()).isFalse();
    assertThat(pins.current()).isEqualTo(Map.of("hoist-api", 12));
  }
}
