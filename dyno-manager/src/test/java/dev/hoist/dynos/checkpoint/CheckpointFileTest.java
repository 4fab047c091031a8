package dev.hoist.dynos.checkpoint;

import static dev.hoist.dynos.checkpoint.States.ordinary;
import static dev.hoist.dynos.checkpoint.States.platform;
import static dev.hoist.dynos.checkpoint.States.release;
import static dev.hoist.dynos.checkpoint.States.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {
  @TempDir Path home;

  private Checkpoint sample() {
    return new Checkpoint(
        state(42, platform("hoist-api", 3), ordinary("demo", 9)),
        Map.of("hoist-api", List.of(release("hoist-api", 3), release("hoist-api", 2))));
  }

  @Test
  void readsBackWhatItWroteWithPlatformOptionsAndConfig() throws Exception {
    CheckpointFile file = new CheckpointFile(home.resolve("dynos/checkpoint.json"));
    file.write(sample());
    assertThat(file.read()).contains(sample());
  }

  @Test
  void keepsTheFileToItsOwnerForItHoldsConfigVars() throws Exception {
    Path path = home.resolve("dynos/checkpoint.json");
    new CheckpointFile(path).write(sample());
    new CheckpointFile(path).write(sample()); // a replacement is private too
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void leavesNoTemporaryFileBehind() throws Exception {
    Path path = home.resolve("dynos/checkpoint.json");
    CheckpointFile file = new CheckpointFile(path);
    file.write(sample());
    file.write(new Checkpoint(state(43), Map.of()));
    try (var files = Files.list(path.getParent())) {
      assertThat(files).containsExactly(path);
    }
    assertThat(file.read().orElseThrow().state().revision()).isEqualTo(43);
  }

  @Test
  void readsNothingFromAMissingOrDamagedFile() throws Exception {
    Path path = home.resolve("checkpoint.json");
    assertThat(new CheckpointFile(path).read()).isEmpty();
    Files.writeString(path, "{\"format\": 1, \"state\": {\"revision\": 4, \"apps\": [");
    assertThat(new CheckpointFile(path).read()).isEmpty();
    Files.writeString(path, "{\"format\": 99, \"state\": {\"revision\": 4}}");
    assertThat(new CheckpointFile(path).read()).isEmpty();
  }

  @Test
  void writesTheWireNamesTheApiUses() throws Exception {
    Path path = home.resolve("checkpoint.json");
    new CheckpointFile(path).write(sample());
    assertThat(Files.readString(path))
        .contains("\"platform\":{\"hoist-api\":[{\"id\":\"hoist-api-r3\",\"version\":3")
        .contains("\"dyno_options\":{\"host_network\":true")
        .contains("\"blob_url\"");
  }
}
