package dev.hoist.router.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.internal.routes.RouteSnapshot;
import dev.hoist.router.support.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotFileTest {
  @TempDir Path dir;
  private final Warnings warnings = Warnings.of(SnapshotFile.class);
  private final List<Runnable> asked = new ArrayList<>();

  @AfterEach
  void stopListening() {
    warnings.close();
  }

  private static RouteSnapshot table(long revision, String app) {
    return new RouteSnapshot(
        revision,
        List.of(
            new RouteSnapshot.App(
                app,
                List.of(app + ".example.com"),
                1,
                false,
                false,
                "https://pages.example.com/error.html",
                null,
                List.of(new RouteSnapshot.Dyno("web.1", "10.0.0.5:5000", "up", true, 7)))));
  }

  @Test
  void savesTheApisTableWholeAndReadsItBack() throws IOException {
    SnapshotFile file = new SnapshotFile(dir.resolve("routes.json"), Runnable::run);

    file.save(table(4, "demo"));
    file.save(table(5, "renamed"));

    assertThat(file.read()).isEqualTo(table(5, "renamed"));
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("no temporary file left beside it").containsExactly(file.path());
    }
    assertThat(RouteJson.parse(Files.readString(file.path()), "localhost").revision())
        .as("what a routes-file takes")
        .isEqualTo(5);
  }

  @Test
  void aBurstOfTablesCostsOneWriteOfTheNewest() {
    SnapshotFile file = new SnapshotFile(dir.resolve("routes.json"), asked::add);

    file.save(table(1, "a"));
    file.save(table(2, "b"));
    file.save(table(3, "c"));

    assertThat(asked).as("writes asked for").hasSize(1);
    assertThat(file.read()).as("nothing written before the write's turn").isNull();
    asked.get(0).run();
    assertThat(file.read()).isEqualTo(table(3, "c"));

    file.save(table(4, "d"));
    assertThat(asked).as("a change after the write asks for another").hasSize(2);
  }

  @Test
  void closingWritesATableStillWaitingForItsTurn() {
    SnapshotFile file = new SnapshotFile(dir.resolve("routes.json"), asked::add);
    file.save(table(8, "demo"));

    file.close();

    assertThat(file.read()).isEqualTo(table(8, "demo"));
  }

  @Test
  void makesTheFoldersItNeeds() {
    SnapshotFile file = new SnapshotFile(dir.resolve("state/router/routes.json"), Runnable::run);

    file.save(table(2, "demo"));

    assertThat(file.read()).isEqualTo(table(2, "demo"));
  }

  @Test
  void aWriteThatFailsIsLoggedOncePerStreakAndTheNextChangeTriesAgain() throws IOException {
    Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
    SnapshotFile file = new SnapshotFile(blocker.resolve("routes.json"), Runnable::run);

    file.save(table(1, "demo"));
    file.save(table(2, "demo"));

    assertThat(warnings.messages()).singleElement().asString().contains("cannot write");
    Files.delete(blocker);
    file.save(table(3, "demo"));
    assertThat(file.read()).isEqualTo(table(3, "demo"));
  }

  @Test
  void saysNothingWhenThereIsNoSnapshotYet() {
    assertThat(new SnapshotFile(dir.resolve("routes.json"), Runnable::run).read()).isNull();
    assertThat(warnings.messages()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[]",
        "{\"revision\": 3}",
        "{\"apps\": []}",
        "{\"revision\": 3, \"apps\": [{\"name\": \"demo\", \"hosts\": [",
        "\u0000\u0000\u0000\u0000"
      })
  void ignoresAFileThatIsNoRouteTableAndSaysSo(String text) throws IOException {
    Path path = Files.writeString(dir.resolve("routes.json"), text);

    assertThat(new SnapshotFile(path, Runnable::run).read()).isNull();
    assertThat(warnings.messages())
        .singleElement()
        .asString()
        .contains(path.toString())
        .contains("ignoring it");
  }

  @Test
  void ignoresASnapshotItCannotReadAndSaysSo() throws IOException {
    Path path = Files.createDirectory(dir.resolve("routes.json"));

    assertThat(new SnapshotFile(path, Runnable::run).read()).isNull();
    assertThat(warnings.messages()).singleElement().asString().contains("cannot read");
  }
}
