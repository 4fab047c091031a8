package dev.hoist.router.proxy;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The peers whose {@code X-Forwarded-Proto} and {@code X-Forwarded-Port} the router passes on: a
 * load balancer in front of it that terminates TLS. From anyone else those two headers are replaced
 * with what the router itself saw ({@code http} and its own port), so a client cannot make an app
 * believe it came over TLS. Written as IP addresses and CIDR blocks, v4 or v6, separated by commas;
 * empty trusts no one.
 */
public final class TrustedProxies {
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = blocks;
  }

  /**
   * @throws IllegalArgumentException naming the entry that is no address or block (host names
   *     included)
   */
  public static TrustedProxies parse(String spec) {
    List<Block> blocks = new ArrayList<>();
    for (String entry : spec.split(",")) {
      String e = entry.trim();
      if (e.isEmpty()) continue;
      int slash = e.indexOf('/');
      byte[] address =
          NetUtil.createByteArrayFromIpAddressString(slash < 0 ? e : e.substring(0, slash));
      if (address == null)
        throw new IllegalArgumentException(e + " is not an IP address or CIDR block");
      int bits = address.length * 8;
      if (slash >= 0) {
        String prefix = e.substring(slash + 1);
        bits =
            prefix.isEmpty()
                    || prefix.length() > 3
                    || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')
                ? -1
                : Integer.parseInt(prefix);
        if (bits < 0 || bits > address.length * 8) {
          throw new IllegalArgumentException(
              e + " has a prefix length outside 0-" + address.length * 8);
        }
      }
      if (address.length == 16
          && isV4Mapped(address)) { // ::ffff:a.b.c.d: the JDK hands v4 peers as 4 bytes
        if (bits < 96)
          throw new IllegalArgumentException(e + " mixes IPv4-mapped and IPv6 addresses");
        address = Arrays.copyOfRange(address, 12, 16);
        bits -= 96;
      }
      blocks.add(new Block(address, bits));
    }
    return blocks.isEmpty() ? NONE : new TrustedProxies(List.copyOf(blocks));
  }

  public boolean trusts(InetAddress peer) {
    if (peer == null || blocks.isEmpty()) return false;
    byte[] a = peer.getAddress();
    for (Block b : blocks) {
      if (b.contains(a)) return true;
    }
    return false;
  }

  private static boolean isV4Mapped(byte[] a) {
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) return false;
    }
    return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /**
   * An address and how many of its leading bits a peer must share; v4 and v6 never match each
   * other.
   */
  private record Block(byte[] address, int bits) {
    boolean contains(byte[] peer) {
      if (peer.length != address.length) return false;
      int whole = bits / 8;
      for (int i = 0; i < whole; i++) {
        if (peer[i] != address[i]) return false;
      }
      int rest = bits % 8;
      if (rest == 0) return true;
      int mask = 0xff << (8 - rest);
      return (peer[whole] & mask) == (address[whole] & mask);
    }
  }
}
