package dev.hoist.deploy.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownAddressesTest {
  @TempDir Path dir;

  private static final List<InetSocketAddress> TWO =
      List.of(new InetSocketAddress("127.0.0.1", 41001), new InetSocketAddress("127.0.0.1", 41002));

  @Test
  void aNewSeedFindsTheAddressesTheLastOneSaw() {
    Path file = dir.resolve("dynos/api-addresses");
    new KnownAddresses(file).remember(TWO);

    assertThat(new KnownAddresses(file).list()).isEqualTo(TWO);
  }

  @Test
  void knowsNothingWithoutAFileAndSkipsLinesThatAreNoAddress() throws Exception {
    assertThat(new KnownAddresses(dir.resolve("none")).list()).isEmpty();
    Path file = dir.resolve("api-addresses");
    Files.writeString(file, "127.0.0.1:41001\nnonsense\n127.0.0.1:notaport\n:5\n127.0.0.1:99999\n");
    assertThat(new KnownAddresses(file).list())
        .containsExactly(new InetSocketAddress("127.0.0.1", 41001));
  }

  @Test
  void writesTheFileOnlyWhenTheAddressesChange() throws Exception {
    Path file = dir.resolve("api-addresses");
    KnownAddresses known = new KnownAddresses(file);
    known.remember(TWO);
    Files.writeString(file, "127.0.0.1:1\n"); // changed behind its back: a rewrite would undo this
    known.remember(List.copyOf(TWO));
    assertThat(Files.readString(file)).isEqualTo("127.0.0.1:1\n");
    known.remember(List.of(TWO.get(0)));
    assertThat(Files.readString(file)).isEqualTo("127.0.0.1:41001\n");
  }
}
