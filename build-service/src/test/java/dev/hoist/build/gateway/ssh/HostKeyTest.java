package dev.hoist.build.gateway.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One host key for every gateway on a folder, however many start at once. */
class HostKeyTest {
  @TempDir Path tmp;

  @Test
  void gatewaysStartingTogetherOnAFreshFolderAllEndWithTheSameKey() throws Exception {
    Path file = tmp.resolve("ssh").resolve("host_key");
    int gateways = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(gateways);
    try {
      List<Future<String>> keys = new ArrayList<>();
      for (int i = 0; i < gateways; i++) {
        keys.add(
            pool.submit(
                () -> {
                  go.await();
                  return fingerprints(HostKey.load(file));
                }));
      }
      go.countDown();

      Set<String> seen = new java.util.HashSet<>();
      for (Future<String> key : keys) seen.add(key.get(60, TimeUnit.SECONDS));
      assertThat(seen).hasSize(1).containsExactly(fingerprints(HostKey.load(file)));
    } finally {
      pool.shutdownNow();
    }
    // The losers' own keys are gone; the shared one is private to the gateway's user.
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("host_key");
    }
    assertThat(Files.getPosixFilePermissions(file).stream().map(Object::toString))
        .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
  }

  @Test
  void aRestartReadsTheKeyAlreadyThere() throws Exception {
    Path file = tmp.resolve("host_key");
    String first = fingerprints(HostKey.load(file));

    assertThat(fingerprints(HostKey.load(file))).isEqualTo(first);
  }

  @Test
  void aKeyFileThatCannotBeReadStopsStartupAndIsLeftAlone() throws Exception {
    Path file = tmp.resolve("host_key");
    Files.writeString(file, "not a key\n");

    assertThatThrownBy(() -> HostKey.load(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
    assertThat(file).hasContent("not a key");
  }

  private static String fingerprints(List<KeyPair> keys) {
    return keys.stream()
        .map(k -> KeyAuthenticator.fingerprint(k.getPublic()))
        .collect(Collectors.joining(","));
  }
}
