package dev.hoist.build.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.build.testing.FakeApi;
import dev.hoist.build.testing.GatewayFixture;
import dev.hoist.build.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's disk is a cache of the blob store: a second push sends only the new objects, and a
 * gateway that lost its repositories restores them from the archive before the next push, which
 * then still sends only the new objects.
 */
class RepositoryCacheIT {
  private static final Pattern WRITING =
      Pattern.compile("Writing objects: 100% \\((\\d+)/(\\d+)\\)");

  @TempDir Path tmp;
  GatewayFixture f;
  Path key;
  FakeApi.App app;

  @BeforeEach
  void start() throws Exception {
    f = new GatewayFixture(tmp);
    key = f.key("dev");
    app = f.api.app("cached-app", f.api.account("dev", f.fingerprint(key), null));
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  @Test
  void aSecondPushSendsOnlyTheNewObjects() throws Exception {
    Path src =
        f.repo(
            "cached",
            Map.of("a/one.txt", "1", "b/two.txt", "2", "c/three.txt", "3", "README", "hi"));
    assertThat(objectsSent(push(src))).isGreaterThan(6);

    f.commit(src, Map.of("README", "hello"), "second");

    // The commit, the root tree and the README blob: nothing the gateway already has.
    assertThat(objectsSent(push(src))).isEqualTo(3);
  }

  @Test
  void savesTheRepositoryToTheBlobStoreAfterEveryAcceptedPush() throws Exception {
    Path src = f.repo("saved", Map.of("README", "hi"));

    push(src);

    assertThat(f.api.blobs).containsKey("repos/" + app.id() + ".tgz");
  }

  @Test
  void restoresALostCacheFromTheBlobStoreBeforeThePush() throws Exception {
    Path src = f.repo("restored", Map.of("a/one.txt", "1", "b/two.txt", "2", "README", "hi"));
    push(src);
    deleteTree(f.home.resolve("repos").resolve(app.id() + ".git"));
    f.api.blobReads.clear();

    f.commit(src, Map.of("README", "hello again"), "after the disk was lost");
    Processes.Result again =
        f.git(src, key, "push", "--progress", f.sshUrl("cached-app"), "HEAD:main");

    assertThat(again.exit()).as(again.output()).isZero();
    assertThat(f.api.blobReads).contains("repos/" + app.id() + ".tgz");
    assertThat(objectsSent(again)).isEqualTo(3);
    assertThat(f.home.resolve("repos").resolve(app.id() + ".git")).isDirectory();
  }

  private Processes.Result push(Path src) throws Exception {
    Processes.Result r = f.git(src, key, "push", "--progress", f.sshUrl("cached-app"), "HEAD:main");
    assertThat(r.exit()).as(r.output()).isZero();
    return r;
  }

  private static int objectsSent(Processes.Result push) {
    Matcher m = WRITING.matcher(push.output());
    assertThat(m.find()).as(push.output()).isTrue();
    return Integer.parseInt(m.group(2));
  }

  /**
   * Deletes a repository as a lost disk would. git may still be tidying it in the background after
   * the push (gc's lock files come and go), so files vanishing or appearing meanwhile are retried.
   */
  private static void deleteTree(Path root) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
        return;
      } catch (java.io.UncheckedIOException
          | java.nio.file.NoSuchFileException
          | java.nio.file.DirectoryNotEmptyException e) {
        if (attempt == 5) throw e;
        Thread.sleep(100);
      }
    }
  }
}
