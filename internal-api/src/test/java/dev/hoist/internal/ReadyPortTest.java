package dev.hoist.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class ReadyPortTest {
  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void connect(int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
    }
  }

  @Test
  void acceptsConnectionsUntilClosedThenRefusesThem() throws Exception {
    int port = freePort();
    ReadyPort ready = ReadyPort.openUnlessServed(Integer.toString(port), 8080, 2222);
    assertThat(ready).isNotNull();
    assertThat(ready.port()).isEqualTo(port);
    connect(port);
    connect(port);
    ready.close();
    assertThatThrownBy(() -> connect(port)).isInstanceOf(ConnectException.class);
  }

  @Test
  void opensNothingWhenPortIsUnsetOrAlreadyServed() throws Exception {
    assertThat(ReadyPort.openUnlessServed(null, 8080)).isNull();
    assertThat(ReadyPort.openUnlessServed(" ", 8080)).isNull();
    assertThat(ReadyPort.openUnlessServed("8080", 2222, 8080)).isNull();
  }

  @Test
  void refusesAPortThatIsNoNumber() {
    assertThatThrownBy(() -> ReadyPort.openUnlessServed("eighty", 8080))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PORT must be a port number, not 'eighty'");
  }
}
