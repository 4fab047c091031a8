package dev.hoist.dynos.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {
  @Test
  void handsOutPortsThatCanBeBoundAndNeverTheSameTwiceWhileHeld() throws Exception {
    FreePorts ports = new FreePorts(60_000);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 20; i++) assertThat(seen.add(ports.next())).isTrue();
    int port = ports.next();
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(port));
      assertThat(s.getLocalPort()).isEqualTo(port);
    }
  }
}
