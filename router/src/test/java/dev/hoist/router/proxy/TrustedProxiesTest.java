package dev.hoist.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {
  private static boolean trusts(String spec, String peer) throws Exception {
    return TrustedProxies.parse(spec).trusts(InetAddress.getByName(peer));
  }

  @Test
  void matchesAddressesAndBlocksOfEitherFamily() throws Exception {
    String spec = " 10.0.0.0/8, 192.168.1.7 ,172.16.0.0/12, fd00::/8, ::1";

    assertThat(trusts(spec, "10.200.3.4")).isTrue();
    assertThat(trusts(spec, "192.168.1.7")).isTrue();
    assertThat(trusts(spec, "172.31.255.255")).as("last of /12").isTrue();
    assertThat(trusts(spec, "fd12:3456::1")).isTrue();
    assertThat(trusts(spec, "::1")).isTrue();
    assertThat(trusts(spec, "11.0.0.1")).isFalse();
    assertThat(trusts(spec, "192.168.1.8")).isFalse();
    assertThat(trusts(spec, "172.32.0.0")).as("first past /12").isFalse();
    assertThat(trusts(spec, "fe80::1")).isFalse();
  }

  @Test
  void readsAnIpv4MappedEntryAsTheIpv4BlockItNames() throws Exception {
    assertThat(trusts("::ffff:10.0.0.0/104", "10.1.2.3")).isTrue();
    assertThat(trusts("::ffff:10.0.0.0/104", "11.1.2.3")).isFalse();
  }

  @Test
  void trustsNoOneWhenEmptyAndEveryoneOfAFamilyAtSlashZero() throws Exception {
    assertThat(TrustedProxies.parse("").isEmpty()).isTrue();
    assertThat(trusts("", "127.0.0.1")).isFalse();
    assertThat(trusts("0.0.0.0/0", "8.8.8.8")).isTrue();
    assertThat(trusts("0.0.0.0/0", "::1")).as("a v4 block never matches a v6 peer").isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lb.example.com",
        "10.0.0.0/33",
        "::/129",
        "10.0.0.0/-1",
        "10.0.0.0/x",
        "10.0.0",
        "1.2.3.4/",
        "10.0.0.0/+8",
        "::ffff:10.0.0.0/64"
      })
  void refusesWhatIsNoAddressOrBlockNamingIt(String entry) {
    assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1, " + entry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(entry);
  }
}
