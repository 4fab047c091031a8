package dev.hoist.api.slug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hoist.api.support.Tarball;
import dev.hoist.api.web.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which archive entry names lie under {@code ./app}, which symbolic links stay inside {@code /app},
 * and whole archives checked as an upload is.
 */
class SlugArchiveTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "./app           | ''",
        "./app/          | ''",
        "app             | ''",
        "app/            | ''",
        "./app/Procfile  | Procfile",
        "app/bin/server  | bin/server",
        "./app/a/b/      | a/b/",
        "./app/..hidden  | ..hidden",
        "./app/a..b      | a..b"
      })
  void findsThePathBelowApp(String name, String below) {
    assertThat(SlugArchive.inApp(name)).isEqualTo(below);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "./etc/passwd",
        "etc/passwd",
        "/app/x",
        "/app",
        ".",
        "./",
        "./application/x",
        "./apps/x",
        "./app/../x",
        "./app/a/../../x",
        "./app/..",
        "../app/x",
        "./app/x/..",
        "appx"
      })
  void refusesNamesOutsideApp(String name) {
    assertThat(SlugArchive.inApp(name)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "link          | target",
        "link          | ./target",
        "link          | .",
        "bin/link      | ../lib/x",
        "a/b/link      | ../../x",
        "a/b/link      | ../x/../../y",
        "link          | /app",
        "link          | /app/bin/server",
        "bin/link      | /app/lib/../x"
      })
  void acceptsLinksThatStayInApp(String path, String target) {
    assertThat(SlugArchive.linkStaysInApp(path, target)).as("%s -> %s", path, target).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "link          | ..",
        "link          | ../x",
        "link          | ../../etc/passwd",
        "bin/link      | ../../x",
        "a/b/link      | ../../../x",
        "link          | x/../../y",
        "link          | /etc/passwd",
        "link          | /",
        "link          | /application",
        "link          | /app/../etc",
        "bin/link      | /app/x/../../etc"
      })
  void refusesLinksThatLeaveApp(String path, String target) {
    assertThat(SlugArchive.linkStaysInApp(path, target)).as("%s -> %s", path, target).isFalse();
  }

  @Test
  void acceptsAWellFormedArchive(@TempDir Path dir) throws IOException {
    Path file =
        write(
            dir,
            Tarball.create()
                .dir("./app/")
                .dir("./app/bin/")
                .file("./app/bin/server", "x")
                .symlink("./app/current", "bin")
                .symlink("./app/bin/up", "../Procfile")
                .hardLink("./app/copy", "./app/bin/server")
                .gzipped());

    assertThatCode(() -> SlugArchive.check(file)).doesNotThrowAnyException();
  }

  /**
   * The entry {@code ./app} itself lives in {@code /}: a relative target of it resolves from there,
   * not from /app.
   */
  @ParameterizedTest
  @ValueSource(strings = {"etc", ".", "./etc", "tmp/x"})
  void refusesAnArchiveWhoseAppFolderIsItselfALinkOutOfApp(String target, @TempDir Path dir)
      throws IOException {
    Path file =
        write(dir, Tarball.create().symlink("./app", target).file("./app/passwd", "x").gzipped());

    assertRefused("./app -> " + target, file);
  }

  /**
   * {@code ./app/a -> .} makes {@code /app/a/b} really {@code /app/b}, so its {@code ../etc} is
   * {@code /etc}.
   */
  @Test
  void refusesALinkThatClimbsOutThroughAnotherLink(@TempDir Path dir) throws IOException {
    Path file =
        write(
            dir,
            Tarball.create()
                .dir("./app/")
                .symlink("./app/a", ".")
                .symlink("./app/a/b", "../etc")
                .gzipped());

    assertRefused("./app/a -> . then ./app/a/b -> ../etc", file);
  }

  /** Character device, block device, fifo: commons-compress's isFile() is true for all three. */
  @ParameterizedTest
  @ValueSource(bytes = {TarConstants.LF_CHR, TarConstants.LF_BLK, TarConstants.LF_FIFO})
  void refusesDevicesAndFifos(byte kind, @TempDir Path dir) throws IOException {
    Path file = write(dir, Tarball.create().dir("./app/").special("./app/node", kind).gzipped());

    assertRefused("an entry of tar type '" + (char) kind + "'", file);
  }

  private static Path write(Path dir, byte[] archive) throws IOException {
    return Files.write(Files.createTempFile(dir, "slug", ".tgz"), archive);
  }

  private static void assertRefused(String archive, Path file) {
    Throwable refusal = catchThrowable(() -> SlugArchive.check(file));

    assertThat(refusal)
        .as("checking %s", archive)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(422);
              assertThat(e.id()).isEqualTo("invalid_params");
            });
  }
}
