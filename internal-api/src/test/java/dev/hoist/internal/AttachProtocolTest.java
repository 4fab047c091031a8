package dev.hoist.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoist.internal.attach.AttachProtocol;
import dev.hoist.internal.attach.AttachProtocol.Frame;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttachProtocolTest {
  @Test
  void framesAndTheOpeningLineRoundTrip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(AttachProtocol.hello("tok", true, 80, 24).getBytes(StandardCharsets.US_ASCII));
    AttachProtocol.write(out, AttachProtocol.STDOUT, "héllo");
    AttachProtocol.write(out, AttachProtocol.EXIT, "0");
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(AttachProtocol.readHello(in)).isEqualTo("HOIST-ATTACH tok 1 80 24");
    Frame first = AttachProtocol.read(in);
    assertThat(first.type()).isEqualTo(AttachProtocol.STDOUT);
    assertThat(first.text()).isEqualTo("héllo");
    assertThat(AttachProtocol.read(in).text()).isEqualTo("0");
    assertThat(AttachProtocol.read(in)).isNull();
  }

  @Test
  void refusesAFrameOverTheLimitAndAnEndlessOpeningLine() {
    byte[] huge = {1, 0, 0x20, 0, 1}; // type 1, length 2 MiB + 1
    assertThatThrownBy(
            () -> AttachProtocol.read(new DataInputStream(new ByteArrayInputStream(huge))))
        .hasMessage("attach frame of 2097153 bytes");
    byte[] line = "x".repeat(AttachProtocol.MAX_HELLO + 1).getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(
            () -> AttachProtocol.readHello(new DataInputStream(new ByteArrayInputStream(line))))
        .hasMessage("HOIST-ATTACH line too long");
  }

  @Test
  void refusesToWriteAFrameOverTheLimit() {
    byte[] big = new byte[AttachProtocol.MAX_PAYLOAD + 1];
    DataOutputStream out = new DataOutputStream(new ByteArrayOutputStream());
    assertThatThrownBy(() -> AttachProtocol.write(out, AttachProtocol.STDOUT, big, 0, big.length))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
