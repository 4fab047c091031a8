package dev.hoist.dynos.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class AddressesTest {
  @Test
  void answersWithTheUpDynosOfOneAppAndTypeFromTheLastPass() {
    Addresses addresses = new Addresses();
    assertThat(addresses.of("hoist-api", "web")).isEmpty();
    Addresses.Builder pass = new Addresses.Builder();
    pass.add("hoist-api", "web", "c1", "127.0.0.1:40001");
    pass.add("hoist-api", "web", "c2", "127.0.0.1:40002");
    pass.add("hoist-api", "worker", "c3", "127.0.0.1:40003");
    pass.add("demo", "web", "c4", "172.17.0.4:5000");
    addresses.publish(pass);
    assertThat(addresses.of("hoist-api", "web"))
        .containsExactly(
            new InetSocketAddress("127.0.0.1", 40001), new InetSocketAddress("127.0.0.1", 40002));
    assertThat(addresses.of("demo", "web"))
        .containsExactly(new InetSocketAddress("172.17.0.4", 5000));
    assertThat(addresses.of("demo", "worker")).isEmpty();

    addresses.publish(new Addresses.Builder());
    assertThat(addresses.of("hoist-api", "web")).isEmpty();
  }

  @Test
  void dropsADynoAsSoonAsItsExitIsHeard() {
    Addresses addresses = new Addresses();
    Addresses.Builder pass = new Addresses.Builder();
    pass.add("hoist-api", "web", "c1", "127.0.0.1:40001");
    pass.add("hoist-api", "web", "c2", "127.0.0.1:40002");
    addresses.publish(pass);
    addresses.gone("c1");
    assertThat(addresses.of("hoist-api", "web"))
        .containsExactly(new InetSocketAddress("127.0.0.1", 40002));
    addresses.gone("c2");
    assertThat(addresses.of("hoist-api", "web")).isEmpty();
  }
}
